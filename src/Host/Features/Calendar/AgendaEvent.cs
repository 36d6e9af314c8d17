using Platform.Abstractions.Calendar;

namespace Platform.Host.Features.Calendar;

/// <summary>
/// An event of the shared agenda, organised by one or several networks. Its registration rules live
/// here: callers load the event with its live (not cancelled) registrations inside one
/// <see cref="Data.DatabaseWriter"/> transaction, call a method, and save.
/// </summary>
public sealed class AgendaEvent
{
    public const int MaxSeatsPerRegistration = 20;

    /// <summary>The longest an event may last (checked by <see cref="EventDraft.Validate"/>).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(31);

    public const int MaxRegistrationUrlLength = 300;

    public int Id { get; set; }

    /// <summary>The iCalendar UID: set once, never changed, so subscribers' calendars update the same entry.</summary>
    public required string Uid { get; set; }

    public required string Title { get; set; }

    public EventType Type { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public string? Place { get; set; }

    public string? Description { get; set; }

    /// <summary>One item per line, each optionally starting with a time (<c>9h</c>, <c>14:30</c>); see <see cref="ProgrammeLine"/>.</summary>
    public string? Programme { get; set; }

    /// <summary>Seats; <see langword="null"/> is unlimited (no waitlist).</summary>
    public int? Capacity { get; set; }

    /// <summary>Registrations close at this instant; by default at the start.</summary>
    public DateTime? RegistrationDeadlineUtc { get; set; }

    public EventAudience Audience { get; set; }

    /// <summary>An animator closed registrations by hand.</summary>
    public bool RegistrationClosed { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    /// <summary>The iCalendar SEQUENCE: incremented on every change a subscriber should see.</summary>
    public int Sequence { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>The publishing plugin's id, for events published through <see cref="ICalendarService"/>.</summary>
    public string? Source { get; set; }

    public string? ExternalKey { get; set; }

    /// <summary>
    /// Where members register when the publishing plugin takes registrations itself (a path on this
    /// site, checked by <see cref="RegistrationUrlError"/>): the agenda then links to it and refuses
    /// registrations of its own.
    /// </summary>
    public string? RegistrationUrl { get; set; }

    public List<AgendaEventOrganiser> Organisers { get; } = [];

    public List<Registration> Registrations { get; } = [];

    public bool IsCancelled => CancelledAtUtc is not null;

    public DateTime EffectiveDeadlineUtc => RegistrationDeadlineUtc ?? StartUtc;

    public bool IsRegistrationOpen(DateTime nowUtc) => !IsCancelled && !RegistrationClosed && nowUtc < EffectiveDeadlineUtc;

    public int ConfirmedSeats => Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Seats);

    public int WaitlistedSeats => Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => r.Seats);

    public static string NewUid() => $"{Guid.NewGuid():N}@interclustering47.fr";

    /// <summary>
    /// Why <paramref name="url"/> cannot be a registration link (French), or <see langword="null"/>.
    /// Only a path on this site: « //host » and « /\host » are other sites to a browser, and a
    /// scheme (<c>https:</c>, <c>javascript:</c>) never starts with « / ».
    /// </summary>
    public static string? RegistrationUrlError(string? url) => url switch
    {
        null => null,
        { Length: > MaxRegistrationUrlLength } => $"Le lien d'inscription ne doit pas dépasser {MaxRegistrationUrlLength} caractères.",
        _ when !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/\\", StringComparison.Ordinal)
            => "Le lien d'inscription doit être une adresse de ce site commençant par « / ».",
        _ when url.Any(char.IsControl) => "Le lien d'inscription ne doit pas contenir de caractères de contrôle.",
        _ => null,
    };

    /// <summary>
    /// Registers the user's company for <paramref name="seats"/> seats (the user and colleagues).
    /// Confirmed when the seats are free and nobody waits before; otherwise on the waitlist,
    /// first come, first served. Requires <see cref="Registrations"/> loaded (live ones).
    /// </summary>
    public RegistrationOutcome Register(string userId, int? companyId, int seats, DateTime nowUtc)
    {
        if (RegistrationUrl is not null)
        {
            return new(RegistrationResult.RegistersElsewhere, null);
        }

        if (!IsRegistrationOpen(nowUtc))
        {
            return new(RegistrationResult.Closed, null);
        }

        if (seats < 1 || seats > MaxSeatsPerRegistration || seats > Capacity)
        {
            return new(RegistrationResult.TooManySeats, null);
        }

        if (Registrations.Any(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled))
        {
            return new(RegistrationResult.AlreadyRegistered, null);
        }

        var someoneWaits = Registrations.Any(r => r.Status == RegistrationStatus.Waitlisted);
        var fits = Capacity is not { } capacity || ConfirmedSeats + seats <= capacity;
        var registration = new Registration
        {
            UserId = userId,
            CompanyId = companyId,
            Seats = seats,
            CreatedAtUtc = nowUtc,
            Status = fits && !someoneWaits ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
        };
        if (registration.Status == RegistrationStatus.Confirmed)
        {
            registration.ConfirmedAtUtc = nowUtc;
        }

        Registrations.Add(registration);
        return new(registration.Status == RegistrationStatus.Confirmed ? RegistrationResult.Confirmed : RegistrationResult.Waitlisted, registration);
    }

    /// <summary>Cancels a registration and promotes the waitlist into the freed seats. Returns the promoted registrations.</summary>
    public IReadOnlyList<Registration> CancelRegistration(Registration registration, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(registration);
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAtUtc = nowUtc;
        return IsCancelled ? [] : PromoteWaitlist(nowUtc);
    }

    /// <summary>
    /// Confirms waiting registrations in arrival order while the first one fits; stops at the first
    /// that does not (no overtaking: a large group keeps its place). Returns the promoted ones.
    /// </summary>
    public IReadOnlyList<Registration> PromoteWaitlist(DateTime nowUtc)
    {
        var promoted = new List<Registration>();
        var confirmed = ConfirmedSeats;
        foreach (var waiting in Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.Id))
        {
            if (Capacity is { } capacity && confirmed + waiting.Seats > capacity)
            {
                break;
            }

            waiting.Status = RegistrationStatus.Confirmed;
            waiting.ConfirmedAtUtc = nowUtc;
            confirmed += waiting.Seats;
            promoted.Add(waiting);
        }

        return promoted;
    }

    /// <summary>Records a change subscribers must see (new SEQUENCE).</summary>
    public void Touch(DateTime nowUtc)
    {
        Sequence++;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Cancels the event: it stays in the agenda and the feeds, with STATUS:CANCELLED.</summary>
    public bool Cancel(DateTime nowUtc)
    {
        if (IsCancelled)
        {
            return false;
        }

        CancelledAtUtc = nowUtc;
        Touch(nowUtc);
        return true;
    }

    /// <summary>Whether the user animates one of the organising networks.</summary>
    public bool IsAnimatedBy(Platform.Abstractions.Members.ICurrentMember member) =>
        Organisers.Any(o => member.IsAnimatorOf(o.NetworkId));

    public IReadOnlyList<ProgrammeLine> ProgrammeLines() => ProgrammeLine.Parse(Programme);
}

/// <summary>A network organises an event.</summary>
public sealed class AgendaEventOrganiser
{
    public int EventId { get; set; }

    public int NetworkId { get; set; }
}

public enum RegistrationResult
{
    Confirmed,
    Waitlisted,
    AlreadyRegistered,
    Closed,
    TooManySeats,
    NotEligible,
    NotFound,

    /// <summary>The publishing plugin takes registrations on its own page (<see cref="AgendaEvent.RegistrationUrl"/>).</summary>
    RegistersElsewhere,
}

public sealed record RegistrationOutcome(RegistrationResult Result, Registration? Registration);
