namespace Platform.Host.Features.Calendar;

public enum RegistrationStatus
{
    Confirmed = 0,
    Waitlisted = 1,
    Cancelled = 2,
}

/// <summary>
/// A member's registration to an event, for themselves and colleagues (<see cref="Seats"/>).
/// The waitlist order is the order of <see cref="Id"/>: ids are given by the database in commit
/// order, and every registration is written by one serialised transaction.
/// </summary>
public sealed class Registration
{
    public long Id { get; set; }

    public int EventId { get; set; }

    public AgendaEvent? Event { get; set; }

    public required string UserId { get; set; }

    public int? CompanyId { get; set; }

    /// <summary>1 for the member alone, more with colleagues.</summary>
    public int Seats { get; set; } = 1;

    public RegistrationStatus Status { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ConfirmedAtUtc { get; set; }

    public DateTime? CancelledAtUtc { get; set; }
}

/// <summary>The secret of a user's personal iCalendar feed. Regenerating it replaces the row.</summary>
public sealed class CalendarFeedToken
{
    public required string UserId { get; set; }

    /// <summary>32 random bytes, base64url. Kept readable (like a calendar service's « adresse secrète ») so the page can show it again.</summary>
    public required string Token { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
