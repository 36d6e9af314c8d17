using System.Diagnostics;
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
/// instance, the CLI) take effect on the requests that start a millisecond after them (<see cref="EnablementSnapshots"/>),
/// changes made through this one on the next request. Writes are audited.
/// </summary>
public sealed class PluginEnablementService(
    IDbContextFactory<PlatformDbContext> dbFactory,
    PluginCatalog catalog,
    EnablementSnapshots snapshots,
    IDomainEventPublisher events,
    DatabaseWriter writer,
    TimeProvider time)
{
    /// <summary>Whether the plugin is loaded and enabled for the network.</summary>
    public async Task<bool> IsEnabledAsync(string pluginId, int networkId, CancellationToken cancellationToken = default) =>
        snapshots.Allows(await CurrentAsync(cancellationToken), pluginId, networkId);

    /// <summary>The loaded plugins enabled for a network, in catalog order.</summary>
    public async Task<IReadOnlyList<InstalledPlugin>> EnabledForAsync(int networkId, CancellationToken cancellationToken = default) =>
        snapshots.EnabledFor(await CurrentAsync(cancellationToken), networkId);

    /// <summary>The ids of the networks a plugin is enabled for (loaded or not).</summary>
    public async Task<IReadOnlySet<int>> NetworksOfAsync(string pluginId, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var key = pluginId.ToUpperInvariant();
        return snapshot.Enabled.Where(e => e.PluginId == key).Select(e => e.NetworkId).ToHashSet();
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

        snapshots.Changed();
        _current = null;

        var at = time.GetUtcNow().UtcDateTime;
        IDomainEvent change = enabled ? new PluginEnabled(id, network.Id, at) : new PluginDisabled(id, network.Id, at);
        await events.PublishAsync(change, cancellationToken);
        return EnablementChange.Changed;
    }

    // The state read once per scope (a request, a CLI command): the modules' pages and the domain events ask
    // for it per plugin, and one version check is enough. A change made in this scope clears it.
    private EnablementSnapshot? _current;

    private async Task<EnablementSnapshot> CurrentAsync(CancellationToken cancellationToken) =>
        _current ??= await snapshots.CurrentAsync(cancellationToken);
}

/// <summary>
/// The enabled (plugin id in upper case, network id) pairs as of a version of the enablements. The set compares
/// plugin ids in any case, so a check allocates nothing.
/// </summary>
public sealed record EnablementSnapshot(long Version, IReadOnlySet<(string PluginId, int NetworkId)> Enabled)
{
    public static EnablementSnapshot Of(long version, IEnumerable<(string PluginId, int NetworkId)> enabled) =>
        new(version, enabled.Select(e => (e.PluginId.ToUpperInvariant(), e.NetworkId)).ToHashSet(PairComparer.Instance));

    private sealed class PairComparer : IEqualityComparer<(string PluginId, int NetworkId)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((string PluginId, int NetworkId) x, (string PluginId, int NetworkId) y) =>
            x.NetworkId == y.NetworkId && string.Equals(x.PluginId, y.PluginId, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string PluginId, int NetworkId) pair) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(pair.PluginId), pair.NetworkId);
    }
}

/// <summary>
/// The process-wide snapshot of the enablements, only ever a cache of the database, never the truth: read
/// again whenever the shared version row has moved (decision 0004). A singleton, so that the plugin gate and
/// the layout's network menu read it without building the scoped <see cref="PluginEnablementService"/> and
/// its writers on every request.
/// </summary>
/// <remarks>
/// The requests of one millisecond share one read of the version (<see cref="CheckedFor"/>): each read begins a
/// read transaction on the shared file, and one a request was a twentieth of a plugin page's throughput
/// (bench/README.md). A change made by another process is seen by every request that starts a millisecond or
/// more after its commit; one made through this process (<see cref="Changed"/>) by the next request.
/// </remarks>
public sealed class EnablementSnapshots(IDbContextFactory<PlatformDbContext> dbFactory, PluginCatalog catalog, EnablementVersionReader versions)
{
    /// <summary>How long a read of the version answers for.</summary>
    public static readonly TimeSpan CheckedFor = TimeSpan.FromMilliseconds(1);

    private static readonly long CheckedForTicks = (long)(CheckedFor.TotalSeconds * Stopwatch.Frequency);

    private volatile Checked? _checked;
    private int _changes;

    /// <summary>The monotonic clock the reads are timed with (<see cref="Stopwatch"/>'s); tests stop it.</summary>
    internal Func<long> Timestamp { get; set; } = Stopwatch.GetTimestamp;

    /// <summary>Whether the plugin is loaded and enabled for the network in <paramref name="snapshot"/>.</summary>
    public bool Allows(EnablementSnapshot snapshot, string pluginId, int networkId) =>
        catalog.Find(pluginId) is { IsLoaded: true } plugin && snapshot.Enabled.Contains((plugin.Id, networkId));

    /// <summary>The loaded plugins enabled for a network in <paramref name="snapshot"/>, in catalog order.</summary>
    public IReadOnlyList<InstalledPlugin> EnabledFor(EnablementSnapshot snapshot, int networkId) =>
        [.. catalog.Loaded.Where(p => snapshot.Enabled.Contains((p.Id, networkId)))];

    /// <summary>
    /// The enablements as of the database's last commit (a commit of another process less than <see cref="CheckedFor"/>
    /// old may not be seen yet): the version row, and the enablements when it moved.
    /// </summary>
    public async Task<EnablementSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        // Both taken before the read: what it finds is at least as new as this instant and these changes.
        var changes = Volatile.Read(ref _changes);
        var now = Timestamp();
        var last = _checked;
        if (last is not null && last.Changes == changes && now - last.At < CheckedForTicks)
        {
            return last.Snapshot;
        }

        var version = versions.Read();
        var snapshot = last?.Snapshot;
        if (snapshot is null || snapshot.Version != version)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = await db.PluginEnablements.AsNoTracking().Select(e => new { e.PluginId, e.NetworkId }).ToListAsync(cancellationToken);
            snapshot = EnablementSnapshot.Of(version, rows.Select(r => (r.PluginId, r.NetworkId)));
        }

        _checked = new Checked(snapshot, now, changes);
        return snapshot;
    }

    /// <summary>This process committed a change to the enablements: the next request reads the version, however recent the last read.</summary>
    public void Changed() => Interlocked.Increment(ref _changes);

    private sealed record Checked(EnablementSnapshot Snapshot, long At, int Changes);
}
