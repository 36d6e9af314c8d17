using Autofac;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Formation.Demo;

namespace Platform.Plugins.Formation;

internal sealed class FormationModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<FormationWriteGate>().AsSelf().SingleInstance();
        builder.RegisterType<FormationWriter>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<SessionAgenda>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<ProgrammeService>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<FormationAccess>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<FormationDemoData>().As<IPluginDemoData>().InstancePerLifetimeScope();
    }
}
