namespace Platform.Abstractions.Calendar;

/// <summary>
/// An event a plugin publishes into the shared agenda (a training session, a project meeting…).
/// Publishing again with the same <see cref="Source"/> and <see cref="ExternalKey"/> updates the
/// event instead of adding a second one; subscribers' calendars see the change (SEQUENCE).
/// </summary>
public sealed record PublishEventRequest
{
    /// <summary>The publishing plugin's id (<c>Formation</c>): with <see cref="ExternalKey"/>, identifies the event.</summary>
    public required string Source { get; init; }

    /// <summary>The plugin's own key for the event (a session id), at most 100 characters.</summary>
    public required string ExternalKey { get; init; }

    /// <summary>The French title, at most 200 characters.</summary>
    public required string Title { get; init; }

    /// <summary>The kind of event.</summary>
    public EventType Type { get; init; } = EventType.Training;

    /// <summary>Start, in UTC (<see cref="DateTimeKind.Utc"/> or unspecified, read as UTC).</summary>
    public required DateTime StartUtc { get; init; }

    /// <summary>End, in UTC, after <see cref="StartUtc"/>.</summary>
    public required DateTime EndUtc { get; init; }

    /// <summary>The organising networks: at least one existing network id.</summary>
    public required IReadOnlyList<int> OrganiserNetworkIds { get; init; }

    /// <summary>Where it takes place, at most 300 characters.</summary>
    public string? Place { get; init; }

    /// <summary>The French description, plain text, at most 4,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>The timed programme, one item per line, each optionally starting with a time (<c>9h30 Accueil</c>).</summary>
    public string? Programme { get; init; }

    /// <summary>The number of seats, or <see langword="null"/> for no limit (and no waitlist).</summary>
    public int? Capacity { get; init; }

    /// <summary>Registrations close at this instant (UTC); by default at the start.</summary>
    public DateTime? RegistrationDeadlineUtc { get; init; }

    /// <summary>Who may register.</summary>
    public EventAudience Audience { get; init; } = EventAudience.OrganisingNetworks;

    /// <summary>
    /// Where members register, when the plugin takes registrations itself (a training session with
    /// per-network quotas): a path on this site, starting with <c>/</c>, at most 300 characters. The
    /// agenda then shows a link to it instead of its own registration form, and refuses registrations.
    /// <see langword="null"/> (the default): members register through the agenda. Since contract 1.1.
    /// </summary>
    public string? RegistrationUrl { get; init; }
}
