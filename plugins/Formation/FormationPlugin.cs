using Autofac.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Formation.Data;

namespace Platform.Plugins.Formation;

/// <summary>
/// Formation inter-clusters: a training programme carried by one network and joined by partner
/// networks. Identity and contract range are in <c>plugin.json</c>; the hooks have no side effects.
/// </summary>
public sealed class FormationPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginSetupContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        services.AddDbContext<FormationDbContext>(o => o.UseSqlite(
            context.Database.ConnectionString,
            b => b.MigrationsHistoryTable(context.Database.MigrationsHistoryTable)));
    }

    public IModule? CreateModule() => new FormationModule();

    public void ConfigureNavigation(INavigationBuilder navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        navigation.Add("Formations", "/Index");
    }
}
