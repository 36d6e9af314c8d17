using Autofac.Core;
#if (data)
using Microsoft.EntityFrameworkCore;
#endif
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Plugins;
#if (data)
using Platform.Plugins.MyCluster.Data;
#endif

namespace Platform.Plugins.MyCluster;

/// <summary>
/// The plugin's entry point. Identity and contract range are in <c>plugin.json</c>; the hooks run once
/// at start-up and must have no side effects (the host also runs them on throwaway builders).
/// </summary>
public sealed class MyClusterPlugin : IPlugin
{
#if (data)
    public void ConfigureServices(IServiceCollection services, IPluginSetupContext context) =>
        services.AddDbContext<MyClusterDbContext>(o => o.UseSqlite(
            context.Database.ConnectionString,
            b => b.MigrationsHistoryTable(context.Database.MigrationsHistoryTable)));
#else
    public void ConfigureServices(IServiceCollection services, IPluginSetupContext context)
    {
    }
#endif

    public IModule? CreateModule() => new MyClusterModule();

    public void ConfigureNavigation(INavigationBuilder navigation) => navigation.Add("MODULE_TITLE", "/Index");
}
