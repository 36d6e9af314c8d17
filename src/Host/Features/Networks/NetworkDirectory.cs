using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Networks;

/// <summary>Reads networks for pages, the plugin gate and plugins.</summary>
internal sealed class NetworkDirectory(PlatformDbContext db) : INetworkDirectory
{
    public async Task<IReadOnlyList<NetworkInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Networks.AsNoTracking()
            .OrderBy(n => n.Name)
            .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
            .ToListAsync(cancellationToken);

    public async Task<NetworkInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (!NetworkSlug.IsValid(slug.ToLowerInvariant()))
        {
            return null;
        }

        return await db.Networks.AsNoTracking()
            .Where(n => n.Slug == slug)
            .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public Task<NetworkInfo?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Networks.AsNoTracking()
            .Where(n => n.Id == id)
            .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
            .FirstOrDefaultAsync(cancellationToken);
}
