using Microsoft.Extensions.Caching.Memory;
using Platform.Host.Web;

namespace Platform.Host.Features.Calendar;

/// <summary>
/// Events as their page shows them (the event, its organisers, its seats), kept with the agenda's version
/// they were read at (decision 0014, amendment 2): while nothing in the agenda changes, the event page reads
/// one row — the version — instead of the event's. The version is read first, so a kept event is never older
/// than the version it is kept with, whoever changed the agenda.
/// </summary>
/// <remarks>
/// Its own cache, bounded: <see cref="Capacity"/> events (a few kilobytes each, the weeks to come of a
/// national agenda), the least recently read leaving first; an event not read for <see cref="KeptFor"/> leaves too.
/// </remarks>
public sealed class EventViewCache(TimeProvider time) : IDisposable
{
    public const int Capacity = 2_000;

    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = BoundedMemoryCache.Create(Capacity, time);

    /// <summary>The event as <see cref="CalendarService.FindViewAsync"/> reads it, from memory while the agenda's version has not moved.</summary>
    public async Task<AgendaEventView?> FindAsync(CalendarService calendar, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var version = await calendar.VersionAsync(cancellationToken);
        if (cache.TryGetValue(id, out Kept? kept) && kept!.Version == version)
        {
            return kept.View;
        }

        var view = await calendar.FindViewAsync(id, cancellationToken);
        if (view is not null)
        {
            cache.Set(id, new Kept(version, view), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KeptFor });
        }

        return view;
    }

    public void Dispose() => cache.Dispose();

    private sealed record Kept(long Version, AgendaEventView View);
}
