using Platform.Abstractions.Plugins;

namespace Platform.Plugins.CtorThrows;

public sealed class CtorThrowsPlugin : IPlugin
{
    public CtorThrowsPlugin() => throw new InvalidOperationException("panne dans le constructeur");
}
