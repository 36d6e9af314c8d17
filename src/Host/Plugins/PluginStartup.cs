using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

/// <summary>
/// After the host's own migrations: applies each loaded plugin's migrations (each in its own
/// try/catch: a failing plugin becomes Faulted, the host goes on), then records every plugin's
/// status in the database for the admin page, the CLI and <c>/healthz</c>.
/// </summary>
internal sealed class PluginStartup(PluginCatalog catalog, IServiceProvider services, PlatformDbContext db, TimeProvider time, ILogger<PluginStartup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var plugin in catalog.Loaded.ToList())
        {
            foreach (var contextType in plugin.DbContextTypes)
            {
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
                    await context.Database.MigrateIfPendingAsync(cancellationToken);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Migrations of plugin {PluginId} failed", plugin.Id);
                    plugin.Fail(PluginStatus.Faulted, $"migrations de {contextType.Name} : {e.GetType().Name}: {e.Message}");
                }
            }
        }

        await RecordAsync(cancellationToken);
    }

    private async Task RecordAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var records = await db.Plugins.ToDictionaryAsync(p => p.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var plugin in catalog.All)
        {
            if (!records.TryGetValue(plugin.Id, out var record))
            {
                record = new PluginRecord { Id = plugin.Id, Name = plugin.Manifest?.Name ?? plugin.Id };
                db.Plugins.Add(record);
                records[plugin.Id] = record;
            }

            record.Name = plugin.Manifest?.Name ?? plugin.Id;
            record.Version = plugin.Manifest?.Version ?? "";
            record.Description = plugin.Manifest?.Description;
            record.Publisher = plugin.Manifest?.Publisher;
            record.Status = plugin.Status;
            record.Reason = plugin.Reason;
            record.CheckedAtUtc = now;
        }

        foreach (var gone in records.Values.Where(r => catalog.Find(r.Id) is null))
        {
            gone.Status = PluginStatus.Missing;
            gone.Reason = "dossier du module absent au dernier démarrage";
            gone.CheckedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
