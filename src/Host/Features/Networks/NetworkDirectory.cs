using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Networks;

/// <summary>Reads networks for pages, the plugin gate and plugins.</summary>
/// <remarks>
/// The list of networks (id, slug, name, kind) is read on most pages — the agenda's filter, the event
/// page, the iCal feeds, <c>/reseaux</c> — and the gate resolves the network of every <c>/c/{network}/…</c>
/// request. Networks are only ever created (by the demo seeding or an import), never renamed, so each
/// instance keeps the list for <see cref="FreshFor"/>; a slug or an id the list does not have yet is
/// looked up in the database, so a new network answers at once.
/// </remarks>
public sealed class NetworkDirectory(PlatformDbContext db, IMemoryCache cache) : INetworkDirectory
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    private const string CacheKey = "network-directory";

    public async Task<IReadOnlyList<NetworkInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await KnownAsync(cancellationToken)).List;

    public async Task<NetworkInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        // A known slug is valid: on every /c/{network}/… request (CurrentNetworkMiddleware), only a slug the list
        // does not have is checked, before the database is asked.
        if ((await KnownAsync(cancellationToken)).BySlug.TryGetValue(slug, out var known))
        {
            return known;
        }

        if (!NetworkSlug.IsValid(slug.ToLowerInvariant()))
        {
            return null;
        }

        return await db.Networks.AsNoTracking()
            .Where(n => n.Slug == slug)
            .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<NetworkInfo?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        if ((await KnownAsync(cancellationToken)).ById.TryGetValue(id, out var known))
        {
            return known;
        }

        return await db.Networks.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The networks this instance knows (<see cref="FreshFor"/>), by id: to name many in one call (a page of suggestions
    /// names a dozen). An id it does not have is one created since: ask <see cref="FindAsync"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, NetworkInfo>> KnownByIdAsync(CancellationToken cancellationToken = default) =>
        (await KnownAsync(cancellationToken)).ById;

    private async Task<Known> KnownAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = FreshFor;
            var list = await db.Networks.AsNoTracking()
                .OrderBy(n => n.Name)
                .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
                .ToListAsync(cancellationToken);
            return new Known(list);
        }))!;

    /// <summary>The networks by name, and indexed by slug (in any case, as the column's NOCASE collation compares) and id.</summary>
    private sealed class Known(IReadOnlyList<NetworkInfo> list)
    {
        public IReadOnlyList<NetworkInfo> List { get; } = list;

        public Dictionary<string, NetworkInfo> BySlug { get; } = list.ToDictionary(n => n.Slug, StringComparer.OrdinalIgnoreCase);

        public Dictionary<int, NetworkInfo> ById { get; } = list.ToDictionary(n => n.Id);
    }
}
