namespace Platform.Abstractions.Calendar;

/// <summary>An event of the shared agenda, as plugins read it.</summary>
/// <param name="Id">The event's id; its page is <see cref="Link"/>.</param>
/// <param name="Uid">The stable iCalendar UID, the same in every feed and across changes.</param>
/// <param name="Title">The French title.</param>
/// <param name="Type">The kind of event.</param>
/// <param name="StartUtc">When it starts, in UTC (show it in Europe/Paris).</param>
/// <param name="EndUtc">When it ends, in UTC.</param>
/// <param name="Place">Where it takes place, or <see langword="null"/>.</param>
/// <param name="Description">The French description, plain text, or <see langword="null"/>.</param>
/// <param name="OrganiserNetworkIds">The ids of the organising networks (at least one).</param>
/// <param name="Audience">Who may register.</param>
/// <param name="Capacity">The number of seats, or <see langword="null"/> when unlimited.</param>
/// <param name="ConfirmedSeats">Seats taken by confirmed registrations (a registration may hold several seats).</param>
/// <param name="WaitlistedSeats">Seats asked for by registrations on the waitlist.</param>
/// <param name="IsCancelled">Whether the event was cancelled (it stays in the feeds with STATUS:CANCELLED).</param>
/// <param name="RegistrationOpen">Whether a member could register now (not cancelled, not closed, before the deadline).</param>
/// <param name="Source">The id of the plugin that published it, or <see langword="null"/> for an event created on the site.</param>
/// <param name="ExternalKey">The publishing plugin's own key for the event, or <see langword="null"/>.</param>
/// <param name="Link">The site-relative link to the event's page (<c>/agenda/12</c>).</param>
public sealed record EventInfo(
    int Id,
    string Uid,
    string Title,
    EventType Type,
    DateTime StartUtc,
    DateTime EndUtc,
    string? Place,
    string? Description,
    IReadOnlyList<int> OrganiserNetworkIds,
    EventAudience Audience,
    int? Capacity,
    int ConfirmedSeats,
    int WaitlistedSeats,
    bool IsCancelled,
    bool RegistrationOpen,
    string? Source,
    string? ExternalKey,
    string Link)
{
    /// <summary>
    /// Where members register, when the publishing plugin takes registrations itself (see
    /// <see cref="PublishEventRequest.RegistrationUrl"/>); <see langword="null"/> when they register
    /// through the agenda. Since contract 1.1.
    /// </summary>
    public string? RegistrationUrl { get; init; }
}
