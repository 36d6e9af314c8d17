namespace Platform.Host.Features.Calendar;

/// <summary>
/// One row whose version moves with every change to what the agenda shows: its events, their organisers, a
/// network's name, the registrations (the seats left). The feeds, the agenda's rendered list and the events
/// of their pages are kept under it (decision 0014). Database triggers bump it, not the code, so every writer does: the host's
/// pages, plugins through the host's services, the CLI, another instance, a cascade delete.
/// </summary>
public sealed class AgendaVersion
{
    public int Id { get; set; }

    public long Version { get; set; }

    /// <summary>What moves the version since migration <c>AgendaVersions</c>: each table, the change, and the trigger's name suffix.</summary>
    private static readonly (string Table, string Change, string Suffix)[] EventChanges =
    [
        ("AgendaEvents", "INSERT", "insert"), ("AgendaEvents", "UPDATE", "update"), ("AgendaEvents", "DELETE", "delete"),
        ("AgendaEventOrganisers", "INSERT", "insert"), ("AgendaEventOrganisers", "UPDATE", "update"), ("AgendaEventOrganisers", "DELETE", "delete"),
        ("Networks", "UPDATE OF \"Name\"", "name"),
    ];

    /// <summary>What moves it since migration <c>AgendaVersionSeats</c>: the registrations, whose seats the agenda's list shows.</summary>
    private static readonly (string Table, string Change, string Suffix)[] SeatChanges =
    [
        ("AgendaRegistrations", "INSERT", "insert"), ("AgendaRegistrations", "UPDATE", "update"), ("AgendaRegistrations", "DELETE", "delete"),
    ];

    /// <summary>The migrations' SQL: the triggers that bump the version (provider-specific, as <see cref="Companies.FullTextIndex"/>).</summary>
    public static string TriggersSql { get; } = Create(EventChanges);

    public static string DropTriggersSql { get; } = Drop(EventChanges);

    public static string SeatTriggersSql { get; } = Create(SeatChanges);

    public static string DropSeatTriggersSql { get; } = Drop(SeatChanges);

    private static string Create((string Table, string Change, string Suffix)[] changes) => string.Concat(changes.Select(c => $"""
        CREATE TRIGGER "{c.Table}_agenda_version_{c.Suffix}" AFTER {c.Change} ON "{c.Table}" BEGIN
          UPDATE "AgendaVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
        END;

        """));

    private static string Drop((string Table, string Change, string Suffix)[] changes) => string.Concat(changes.Select(c => $"""
        DROP TRIGGER IF EXISTS "{c.Table}_agenda_version_{c.Suffix}";

        """));
}
