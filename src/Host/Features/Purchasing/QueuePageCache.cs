using Microsoft.Extensions.Caching.Memory;
using Platform.Host.Data;
using Platform.Host.Web;

namespace Platform.Host.Features.Purchasing;

/// <summary>The versions a queue page's reads depend on, read in one statement before them (<see cref="QueuePageCache.Versions"/>).</summary>
/// <param name="Purchasing">The queues' (<see cref="PurchasingVersion"/>): a queue, its invitations, tiers, pledges, history.</param>
/// <param name="Directory">The directory's (<see cref="Companies.DirectoryVersion"/>): the memberships that decide an invitation, the companies' names.</param>
public readonly record struct QueuePageVersions(long Purchasing, long Directory);

/// <summary>
/// What the queue page read — a queue whole with the reader's company's invitations, and a page of its history —
/// kept with the versions it was read at (decision 0020): while nothing in the queues or the directory changes,
/// the page reads one row, the versions, on a statement kept prepared (<see cref="KeptRead"/>), instead of opening
/// its context's connection for five statements, which were two thirds of its cost (by hand: 0.67 ms of the
/// host's CPU a view with them, 0.23 without; bench/README.md, « Queue page »). The versions are read first, so
/// what is kept is never older than the versions it is kept with, whoever changed the queues. Who may see a queue
/// is still decided on every view, from the kept queue and the reader's claims.
/// </summary>
/// <remarks>
/// Its own cache, bounded: <see cref="Capacity"/> entries (a queue with its pledges, or thirty lines of history:
/// a few kilobytes each), the least recently read leaving first; one not read for <see cref="KeptFor"/> leaves too.
/// What is kept is shared by the requests that read it: the page only reads it.
/// </remarks>
public sealed class QueuePageCache(TimeProvider time, PlatformConnection connection) : IDisposable
{
    public const int Capacity = 2_000;

    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = BoundedMemoryCache.Create(Capacity, time);
    private readonly KeptRead versionRows = new(connection, """
        SELECT p."Version", d."Version" FROM "PurchasingVersions" AS p, "DirectoryVersions" AS d WHERE p."Id" = 1 AND d."Id" = 1
        """);

    private long _hits;

    /// <summary>Reads served from memory (for the tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The queue as <paramref name="read"/> gives it for <paramref name="companyId"/>, from memory while <paramref name="versions"/> have not moved.</summary>
    public Task<(PurchasingQueue Queue, IReadOnlyList<int> CompanyNetworkIds)?> QueueAsync(
        QueuePageVersions versions, int queueId, int companyId, Func<Task<(PurchasingQueue Queue, IReadOnlyList<int> CompanyNetworkIds)?>> read) =>
        GetOrReadAsync(new QueueKey(queueId, companyId), versions, read);

    /// <summary>A page of history as <paramref name="read"/> gives it, from memory while <paramref name="versions"/> have not moved.</summary>
    public Task<IReadOnlyList<HistoryLine>> HistoryAsync(
        QueuePageVersions versions, int queueId, bool all, int companyId, int skip, int take, Func<Task<IReadOnlyList<HistoryLine>>> read) =>
        GetOrReadAsync(new HistoryKey(queueId, all, companyId, skip, take), versions, read);

    /// <summary>The queues' and the directory's versions now: read them before what is kept with them.</summary>
    public QueuePageVersions Versions() => versionRows.Read(row => new QueuePageVersions(row.GetInt64(0), row.GetInt64(1)), default);

    public void Dispose()
    {
        cache.Dispose();
        versionRows.Dispose();
    }

    private async Task<T> GetOrReadAsync<T>(object key, QueuePageVersions versions, Func<Task<T>> read)
    {
        if (cache.TryGetValue(key, out Kept<T>? kept) && kept!.Versions == versions)
        {
            Interlocked.Increment(ref _hits);
            return kept.Value;
        }

        var value = await read();
        cache.Set(key, new Kept<T>(versions, value), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KeptFor });
        return value;
    }

    private readonly record struct QueueKey(int QueueId, int CompanyId);

    private readonly record struct HistoryKey(int QueueId, bool All, int CompanyId, int Skip, int Take);

    private sealed record Kept<T>(QueuePageVersions Versions, T Value);
}
