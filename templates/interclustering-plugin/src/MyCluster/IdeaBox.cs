using Microsoft.EntityFrameworkCore;
using Platform.Plugins.MyCluster.Data;

namespace Platform.Plugins.MyCluster;

/// <summary>
/// What the pages call: the ideas of one network, newest first, and adding one. Public because a page
/// model's constructor takes it; registered in <see cref="MyClusterModule"/>.
/// </summary>
public sealed class IdeaBox(MyClusterDbContext db, TimeProvider time)
{
    public const int PageSize = 20;

    public async Task<IReadOnlyList<Idea>> LatestAsync(int networkId, int page, CancellationToken cancellationToken = default) =>
        await db.Ideas
            .Where(i => i.NetworkId == networkId)
            .OrderByDescending(i => i.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize)
            .Take(PageSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public Task<int> CountAsync(int networkId, CancellationToken cancellationToken = default) =>
        db.Ideas.CountAsync(i => i.NetworkId == networkId, cancellationToken);

    /// <summary>Adds an idea; returns the French reason when the text is refused.</summary>
    public async Task<string?> AddAsync(int networkId, string authorName, string? text, CancellationToken cancellationToken = default)
    {
        var (idea, error) = Idea.Create(networkId, authorName, text, time.GetUtcNow().UtcDateTime);
        if (idea is null)
        {
            return error;
        }

        db.Ideas.Add(idea);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
