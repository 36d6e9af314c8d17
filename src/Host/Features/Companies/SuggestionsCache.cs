using Microsoft.Extensions.Caching.Memory;
using Platform.Host.Web;

namespace Platform.Host.Features.Companies;

/// <summary>
/// The suggestions of the companies viewed lately, kept <see cref="FreshFor"/>: they are ideas of contacts
/// and change only when companies change their skills, needs or networks, while computing them reads the
/// full-text index a dozen times. A company's own changes drop its entry at once (<see cref="Forget"/>);
/// other companies' changes show within <see cref="FreshFor"/>, on each instance of the site.
/// </summary>
/// <remarks>
/// Its own cache, bounded: <see cref="Capacity"/> companies, not one entry per company of a 100 000-company
/// directory in the shared cache. Each is kept as its JSON (<see cref="SuggestionsStore.Serialize"/>, 1.5 KB on
/// average): one array of bytes, not the hundred objects of six suggestions with their reasons — first views
/// replace entries by thousands a second, and each kept object outlived the GC's young generation, to be copied
/// and collected again in the older ones (decision 0021, amendment 1). A view reads the JSON again (a few
/// microseconds).
/// </remarks>
public sealed class SuggestionsCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    public const int Capacity = 2_000;

    private readonly MemoryCache cache = BoundedMemoryCache.Create(Capacity, time);

    /// <summary>The company's suggestions as kept (their JSON), or <see langword="null"/>.</summary>
    public byte[]? Find(int companyId) => cache.TryGetValue(companyId, out byte[]? json) ? json : null;

    public void Keep(int companyId, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var entry = cache.CreateEntry(companyId);
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = FreshFor;
        entry.Value = json;
    }

    /// <summary>After a change of the company's profile or networks.</summary>
    public void Forget(int companyId) => cache.Remove(companyId);

    public void Dispose() => cache.Dispose();
}
