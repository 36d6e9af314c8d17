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
/// Its own cache, bounded: <see cref="Capacity"/> companies (about 4 KB each: six suggestions with their
/// reasons as phrases), not one entry per company of a 100 000-company directory in the shared cache.
/// 2 000 companies viewed within <see cref="FreshFor"/> is more than the site's members view; at 5 000,
/// with whole list items and sentences kept, the bench's first views added 60 MiB to the host's memory.
/// </remarks>
public sealed class SuggestionsCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    public const int Capacity = 2_000;

    private readonly MemoryCache cache = BoundedMemoryCache.Create(Capacity, time);

    public async Task<IReadOnlyList<Suggestion>> GetOrComputeAsync(int companyId, Func<Task<IReadOnlyList<Suggestion>>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (cache.TryGetValue(companyId, out IReadOnlyList<Suggestion>? known) && known is not null)
        {
            return known;
        }

        var suggestions = await compute();
        cache.Set(companyId, suggestions, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = FreshFor });
        return suggestions;
    }

    /// <summary>After a change of the company's profile or networks.</summary>
    public void Forget(int companyId) => cache.Remove(companyId);

    public void Dispose() => cache.Dispose();
}
