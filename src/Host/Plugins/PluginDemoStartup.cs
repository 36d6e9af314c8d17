using Autofac;
using Autofac.Core;
using Autofac.Core.Resolving;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Plugins;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

/// <summary>
/// Demo mode only, after <see cref="PluginStartup"/>: enables the plugins listed under
/// <c>Demo:Plugins:&lt;PluginId&gt;</c> (an array of network slugs) for those networks, then runs each
/// loaded plugin's <see cref="IPluginDemoData"/>. Nothing here may stop the site from starting: an
/// unknown plugin or network, or a throwing seeder, is logged and skipped.
/// </summary>
internal sealed class PluginDemoStartup(
    PluginCatalog catalog,
    PluginEnablementService enablement,
    PlatformDbContext db,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<PluginDemoStartup> logger)
{
    /// <summary>Who the audit shows for enablements made by demo mode.</summary>
    public const string ChangedBy = "démo";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await EnableListedPluginsAsync(cancellationToken);
        foreach (var plugin in catalog.Loaded.ToList())
        {
            await SeedAsync(plugin, cancellationToken);
        }
    }

    private async Task EnableListedPluginsAsync(CancellationToken cancellationToken)
    {
        foreach (var section in configuration.GetSection("Demo:Plugins").GetChildren())
        {
            var slugs = section.Get<string[]>() ?? [];
            if (catalog.Find(section.Key) is not { IsLoaded: true } plugin)
            {
                logger.LogWarning("Demo:Plugins names plugin {PluginId}, which is not loaded: not enabled", section.Key);
                continue;
            }

            // Once anyone (demo mode included) has enabled or disabled the plugin somewhere, the
            // administrators' choices win: an admin who disabled it is not overridden at the next restart.
            if (await db.PluginAudit.AnyAsync(a => a.PluginId == plugin.Id, cancellationToken))
            {
                continue;
            }

            foreach (var slug in slugs)
            {
                var change = await enablement.SetAsync(plugin.Id, slug, true, ChangedBy, cancellationToken);
                if (change is not (EnablementChange.Changed or EnablementChange.Unchanged))
                {
                    logger.LogWarning("Demo:Plugins could not enable plugin {PluginId} for network {Network}: {Change}", plugin.Id, slug, change);
                }
            }
        }
    }

    private async Task SeedAsync(InstalledPlugin plugin, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var container = scope.ServiceProvider.GetRequiredService<ILifetimeScope>();
            var service = new TypedService(typeof(IPluginDemoData));
            // Registrations are read, not resolved all together: a plugin's seeder that cannot even be
            // built must fail that plugin's seeding only, and be logged under that plugin's id.
            foreach (var registration in container.ComponentRegistry.ServiceRegistrationsFor(service))
            {
                var type = registration.Registration.Activator.LimitType;
                var ownerKnownFromInstanceOnly = type.IsInterface || type.IsAbstract;
                if (!ownerKnownFromInstanceOnly && type.Assembly != plugin.Assembly)
                {
                    continue;
                }

                var seeder = (IPluginDemoData)container.ResolveComponent(new ResolveRequest(service, registration, []));
                if (seeder.GetType().Assembly == plugin.Assembly)
                {
                    await seeder.SeedAsync(cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Demo data of plugin {PluginId} failed; the plugin stays loaded without it", plugin.Id);
        }
    }
}
