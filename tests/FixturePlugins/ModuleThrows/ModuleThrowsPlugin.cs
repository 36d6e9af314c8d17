using Autofac;
using Autofac.Core;
using Platform.Abstractions.Plugins;

namespace Platform.Plugins.ModuleThrows;

public sealed class ModuleThrowsPlugin : IPlugin
{
    public IModule? CreateModule() => new ModuleThrowsModule();
}

internal sealed class ModuleThrowsModule : Module
{
    protected override void Load(ContainerBuilder builder) => throw new InvalidOperationException("panne dans Module.Load");
}
