using Autofac;

namespace Platform.Plugins.MyCluster;

/// <summary>The plugin's registrations. No side effects here: the host may build it twice.</summary>
internal sealed class MyClusterModule : Module
{
    protected override void Load(ContainerBuilder builder)
    {
#if (data)
        builder.RegisterType<IdeaBox>().AsSelf().InstancePerLifetimeScope();
#else
        // Register the plugin's services here: internal sealed types, InstancePerLifetimeScope for per-request ones.
#endif
    }
}
