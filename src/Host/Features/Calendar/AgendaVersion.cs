namespace Platform.Host.Features.Calendar;

/// <summary>
/// One row whose version moves with every change to the agenda's events, their organisers or a network's
/// name: what a feed is made of. The feeds are kept under it (decision 0014). Database triggers bump it, not
/// the code, so every writer does: the host's pages, plugins through the host's services, the CLI, another
/// instance, a cascade delete.
/// </summary>
public sealed class AgendaVersion
{
    public int Id { get; set; }

    public long Version { get; set; }

    /// <summary>What moves the version: each table, the change, and the trigger's name suffix.</summary>
    private static readonly (string Table, string Change, string Suffix)[] Changes =
    [
        ("AgendaEvents", "INSERT", "insert"), ("AgendaEvents", "UPDATE", "update"), ("AgendaEvents", "DELETE", "delete"),
        ("AgendaEventOrganisers", "INSERT", "insert"), ("AgendaEventOrganisers", "UPDATE", "update"), ("AgendaEventOrganisers", "DELETE", "delete"),
        ("Networks", "UPDATE OF \"Name\"", "name"),
    ];

    /// <summary>The migrations' SQL: the triggers that bump the version (provider-specific, as <see cref="Companies.FullTextIndex"/>).</summary>
    public static string TriggersSql { get; } = string.Concat(Changes.Select(c => $"""
        CREATE TRIGGER "{c.Table}_agenda_version_{c.Suffix}" AFTER {c.Change} ON "{c.Table}" BEGIN
          UPDATE "AgendaVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
        END;

        """));

    public static string DropTriggersSql { get; } = string.Concat(Changes.Select(c => $"""
        DROP TRIGGER IF EXISTS "{c.Table}_agenda_version_{c.Suffix}";

        """));
}
