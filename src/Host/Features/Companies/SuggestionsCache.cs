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
/// Its own cache, bounded: <see cref="Capacity"/> companies (a few kilobytes each), not one entry per
/// company of a 100 000-company directory in the shared cache.
/// </remarks>
public sealed class SuggestionsCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    public const int Capacity = 5_000;

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
