using Platform.Host.Data;

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

    /// <summary>The migrations' SQL: the triggers that bump the version (<see cref="VersionTriggers"/>).</summary>
    public static string TriggersSql { get; } = VersionTriggers.Create("AgendaVersions", "agenda_version", EventChanges);

    public static string DropTriggersSql { get; } = VersionTriggers.Drop("agenda_version", EventChanges);

    public static string SeatTriggersSql { get; } = VersionTriggers.Create("AgendaVersions", "agenda_version", SeatChanges);

    public static string DropSeatTriggersSql { get; } = VersionTriggers.Drop("agenda_version", SeatChanges);
}
