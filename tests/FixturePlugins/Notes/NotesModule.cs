using Autofac;
using Platform.Abstractions.Events;
using Platform.Abstractions.Plugins;

namespace Platform.Plugins.Notes;

internal sealed class NotesModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterType<NoteFormatter>().AsSelf().InstancePerLifetimeScope();
        builder.RegisterType<WelcomeNoteHandler>().As<IDomainEventHandler<PluginEnabled>>().InstancePerLifetimeScope();
        builder.RegisterType<NotesDemoData>().As<IPluginDemoData>().InstancePerLifetimeScope();
    }
}
