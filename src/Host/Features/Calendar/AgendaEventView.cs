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
    public string? SeatsLabel => Seats.Label(Event.Capacity, Event.RegistrationUrl is not null, ConfirmedSeats);

    /// <summary>Full by the agenda's own registrations; never for an event registered elsewhere (the agenda cannot know).</summary>
    public bool IsFull => Seats.IsFull(Event.Capacity, Event.RegistrationUrl is not null, ConfirmedSeats);

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

/// <summary>
/// An event as the agenda's list and month show it: the columns they print, its organisers and its
/// confirmed seats, without the texts of its page (description, programme) that a list never shows.
/// </summary>
public sealed record AgendaListItem(
    int Id,
    string Title,
    EventType Type,
    DateTime StartUtc,
    DateTime EndUtc,
    string? Place,
    bool IsCancelled,
    bool RegistrationClosed,
    int? Capacity,
    bool RegisteredElsewhere,
    IReadOnlyList<int> OrganiserIds,
    int ConfirmedSeats)
{
    /// <inheritdoc cref="AgendaEventView.SeatsLabel"/>
    public string? SeatsLabel => Seats.Label(Capacity, RegisteredElsewhere, ConfirmedSeats);

    /// <inheritdoc cref="AgendaEventView.IsFull"/>
    public bool IsFull => Seats.IsFull(Capacity, RegisteredElsewhere, ConfirmedSeats);
}

/// <summary>What the agenda says of an event's seats, on its page and in the list alike.</summary>
internal static class Seats
{
    public static string? Label(int? capacity, bool registeredElsewhere, int confirmed) => (capacity, registeredElsewhere) switch
    {
        ({ } limit, true) => $"{limit} places",
        (null, true) => null,
        ({ } limit, false) => $"{confirmed}/{limit} places",
        _ => confirmed <= 1 ? $"{confirmed} inscrit" : $"{confirmed} inscrits",
    };

    public static bool IsFull(int? capacity, bool registeredElsewhere, int confirmed) =>
        !registeredElsewhere && capacity is { } limit && confirmed >= limit;
}
