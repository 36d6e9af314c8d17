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

    /// <summary>The migrations' SQL: the triggers that bump the version (provider-specific, as <see cref="Companies.FullTextIndex"/>).</summary>
    public static string TriggersSql { get; } =
        Trigger("AgendaEvents", "INSERT") + Trigger("AgendaEvents", "UPDATE") + Trigger("AgendaEvents", "DELETE") +
        Trigger("AgendaEventOrganisers", "INSERT") + Trigger("AgendaEventOrganisers", "UPDATE") + Trigger("AgendaEventOrganisers", "DELETE") +
        Trigger("Networks", "UPDATE OF \"Name\"", "name");

    public static string DropTriggersSql { get; } =
        Drop("AgendaEvents", "insert") + Drop("AgendaEvents", "update") + Drop("AgendaEvents", "delete") +
        Drop("AgendaEventOrganisers", "insert") + Drop("AgendaEventOrganisers", "update") + Drop("AgendaEventOrganisers", "delete") +
        Drop("Networks", "name");

    private static string Trigger(string table, string change, string? suffix = null) => $"""
        CREATE TRIGGER "{table}_agenda_version_{suffix ?? change.ToLowerInvariant()}" AFTER {change} ON "{table}" BEGIN
          UPDATE "AgendaVersions" SET "Version" = "Version" + 1 WHERE "Id" = 1;
        END;

        """;

    private static string Drop(string table, string suffix) => $"""
        DROP TRIGGER IF EXISTS "{table}_agenda_version_{suffix}";

        """;
}
