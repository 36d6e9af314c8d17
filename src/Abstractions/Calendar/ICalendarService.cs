namespace Platform.Abstractions.Calendar;

/// <summary>
/// The shared agenda (« agenda partagé ») of every network. Plugins publish their own events into it
/// (they then appear on <c>/agenda</c>, the network's page and the iCalendar feeds, and members
/// register through the agenda) and read what is planned.
/// </summary>
public interface ICalendarService
{
    /// <summary>
    /// Adds the event, or updates the one published earlier with the same source and key (its
    /// registrations are kept; a cancelled event published again is scheduled again).
    /// </summary>
    /// <returns>The event as stored.</returns>
    /// <exception cref="ArgumentException">The request is invalid (empty title, end before start,
    /// unknown network, capacity below 1, a registration URL that is not a path on this site…); the
    /// message says why, in French.</exception>
    Task<EventInfo> PublishAsync(PublishEventRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the event published with this source and key: it stays in the agenda, marked
    /// cancelled, and its registrants are notified.
    /// </summary>
    /// <returns><see langword="false"/> when no such event exists.</returns>
    Task<bool> CancelPublishedAsync(string source, string externalKey, CancellationToken cancellationToken = default);

    /// <summary>The event with this id, or <see langword="null"/>.</summary>
    Task<EventInfo?> FindAsync(int eventId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Events that end after <paramref name="fromUtc"/>, earliest first, cancelled ones included
    /// (see <see cref="EventInfo.IsCancelled"/>).
    /// </summary>
    /// <param name="fromUtc">The lower bound, in UTC.</param>
    /// <param name="networkId">Only events this network organises, or every event when <see langword="null"/>.</param>
    /// <param name="take">At most this many events (1 to 500).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<EventInfo>> ListAsync(DateTime fromUtc, int? networkId = null, int take = 50, CancellationToken cancellationToken = default);
}
