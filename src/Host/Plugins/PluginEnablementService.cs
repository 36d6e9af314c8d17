using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Events;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

/// <summary>The outcome of an enable or disable request.</summary>
public enum EnablementChange
{
    Changed,
    Unchanged,
    UnknownPlugin,
    UnknownNetwork,
    PluginNotLoaded,
}

/// <summary>
/// Which plugins are enabled for which network. Reads come from a per-process snapshot, reloaded
/// whenever the shared version row has moved, so changes made by another process (a second
/// instance, the CLI) take effect on the next request. Writes are audited.
/// </summary>
public sealed class PluginEnablementService(
    IDbContextFactory<PlatformDbContext> dbFactory,
    PluginCatalog catalog,
    EnablementSnapshotCache cache,
    EnablementVersionReader versions,
    IDomainEventPublisher events,
    DatabaseWriter writer,
    TimeProvider time)
{
    /// <summary>Whether the plugin is loaded and enabled for the network.</summary>
    public async Task<bool> IsEnabledAsync(string pluginId, int networkId, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(pluginId) is not { IsLoaded: true } plugin)
        {
            return false;
        }

        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.Contains((plugin.Id.ToUpperInvariant(), networkId));
    }

    /// <summary>The loaded plugins enabled for a network, in catalog order.</summary>
    public async Task<IReadOnlyList<InstalledPlugin>> EnabledForAsync(int networkId, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return catalog.Loaded.Where(p => snapshot.Contains((p.Id.ToUpperInvariant(), networkId))).ToList();
    }

    /// <summary>The ids of the networks a plugin is enabled for (loaded or not).</summary>
    public async Task<IReadOnlySet<int>> NetworksOfAsync(string pluginId, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var key = pluginId.ToUpperInvariant();
        return snapshot.Where(e => e.PluginId == key).Select(e => e.NetworkId).ToHashSet();
    }

    public async Task<EnablementChange> SetAsync(string pluginId, string networkSlug, bool enabled, string changedBy, CancellationToken cancellationToken = default)
    {
        var plugin = catalog.Find(pluginId);
        await using var lookup = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = plugin is null ? await lookup.Plugins.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pluginId, cancellationToken) : null;
        if (plugin is null && record is null)
        {
            return EnablementChange.UnknownPlugin;
        }

        var id = plugin?.Id ?? record!.Id;
        if (enabled && plugin is not { IsLoaded: true })
        {
            return EnablementChange.PluginNotLoaded;
        }

        var network = await lookup.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == networkSlug, cancellationToken);
        if (network is null)
        {
            return EnablementChange.UnknownNetwork;
        }

        var changed = await writer.ExecuteAsync(async (db, ct) =>
        {
            var existing = await db.PluginEnablements.FirstOrDefaultAsync(e => e.PluginId == id && e.NetworkId == network.Id, ct);
            if ((existing is not null) == enabled)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (enabled)
            {
                db.PluginEnablements.Add(new PluginEnablement { PluginId = id, NetworkId = network.Id, EnabledBy = changedBy, EnabledAtUtc = now });
            }
            else
            {
                db.PluginEnablements.Remove(existing!);
            }

            db.PluginAudit.Add(new PluginAuditEntry { PluginId = id, NetworkId = network.Id, Enabled = enabled, ChangedBy = changedBy, ChangedAtUtc = now });
            await db.SaveChangesAsync(ct);
            await db.PluginStateVersions.Where(v => v.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
            return true;
        }, cancellationToken);

        if (!changed)
        {
            return EnablementChange.Unchanged;
        }

        _current = null;

        var at = time.GetUtcNow().UtcDateTime;
        IDomainEvent change = enabled ? new PluginEnabled(id, network.Id, at) : new PluginDisabled(id, network.Id, at);
        await events.PublishAsync(change, cancellationToken);
        return EnablementChange.Changed;
    }

    // The state read once per scope (a request): the gate and the network's navigation ask for it on
    // the same request, and one version check is enough. A change made in this scope clears it.
    private IReadOnlySet<(string PluginId, int NetworkId)>? _current;

    private async Task<IReadOnlySet<(string PluginId, int NetworkId)>> CurrentAsync(CancellationToken cancellationToken) =>
        _current ??= await ReadCurrentAsync(cancellationToken);

    private async Task<IReadOnlySet<(string PluginId, int NetworkId)>> ReadCurrentAsync(CancellationToken cancellationToken)
    {
        var version = versions.Read();
        var snapshot = cache.Snapshot;
        if (snapshot is not null && snapshot.Version == version)
        {
            return snapshot.Enabled;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PluginEnablements.AsNoTracking().Select(e => new { e.PluginId, e.NetworkId }).ToListAsync(cancellationToken);
        var enabled = rows.Select(r => (r.PluginId.ToUpperInvariant(), r.NetworkId)).ToHashSet();
        cache.Snapshot = new EnablementSnapshot(version, enabled);
        return enabled;
    }
}

public sealed record EnablementSnapshot(long Version, IReadOnlySet<(string PluginId, int NetworkId)> Enabled);

/// <summary>The process-wide snapshot; only ever a cache of the database, never the truth.</summary>
public sealed class EnablementSnapshotCache
{
    private volatile EnablementSnapshot? _snapshot;

    public EnablementSnapshot? Snapshot
    {
        get => _snapshot;
        set => _snapshot = value;
    }
}
