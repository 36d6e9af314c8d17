using Platform.Abstractions.Calendar;

namespace Platform.Host.Features.Calendar;

/// <summary>An event read for a page or a feed: the row (not tracked), its organisers and its seat counts.</summary>
public sealed record AgendaEventView(AgendaEvent Event, IReadOnlyList<int> OrganiserIds, int ConfirmedSeats, int WaitlistedSeats)
{
    public int Id => Event.Id;

    /// <summary>
    /// « 19/50 places », or « 19 inscrits » without a limit. When a plugin takes the registrations
    /// (<see cref="AgendaEvent.RegistrationUrl"/>) the agenda's own counts mean nothing: « 50 places »,
    /// or <see langword="null"/> (show nothing) without a limit.
    /// </summary>
    public string? SeatsLabel => (Event.Capacity, Event.RegistrationUrl) switch
    {
        ({ } capacity, not null) => $"{capacity} places",
        (null, not null) => null,
        ({ } capacity, null) => $"{ConfirmedSeats}/{capacity} places",
        _ => ConfirmedSeats <= 1 ? $"{ConfirmedSeats} inscrit" : $"{ConfirmedSeats} inscrits",
    };

    /// <summary>Full by the agenda's own registrations; never for an event registered elsewhere (the agenda cannot know).</summary>
    public bool IsFull => Event.RegistrationUrl is null && Event.Capacity is { } capacity && ConfirmedSeats >= capacity;

    public EventInfo ToInfo(DateTime nowUtc) => new(
        Event.Id,
        Event.Uid,
        Event.Title,
        Event.Type,
        DateTime.SpecifyKind(Event.StartUtc, DateTimeKind.Utc),
        DateTime.SpecifyKind(Event.EndUtc, DateTimeKind.Utc),
        Event.Place,
        Event.Description,
        OrganiserIds,
        Event.Audience,
        Event.Capacity,
        ConfirmedSeats,
        WaitlistedSeats,
        Event.IsCancelled,
        Event.IsRegistrationOpen(nowUtc),
        Event.Source,
        Event.ExternalKey,
        $"/agenda/{Event.Id}")
    {
        RegistrationUrl = Event.RegistrationUrl,
    };
}
