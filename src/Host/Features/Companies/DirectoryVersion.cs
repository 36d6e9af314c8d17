using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>
/// One row whose version moves with every change to what the directory's search shows: the companies (their
/// names, activities, communes, headcounts, the words the index holds), their memberships (the network
/// filter, the networks' member counts) and the networks. The search's rendered results are kept under it
/// (decision 0006, amendment 4). Database triggers bump it, not the code, so every writer does: the host's
/// pages, the CSV import, plugins through the host's services, the CLI, another instance, a cascade delete.
/// </summary>
public sealed class DirectoryVersion
{
    public int Id { get; set; }

    public long Version { get; set; }

    /// <summary>What moves the version since migration <c>DirectoryVersions</c>: each table, the change, and the trigger's name suffix.</summary>
    private static readonly (string Table, string Change, string Suffix)[] Changes =
    [
        ("Companies", "INSERT", "insert"), ("Companies", "UPDATE", "update"), ("Companies", "DELETE", "delete"),
        ("CompanyMemberships", "INSERT", "insert"), ("CompanyMemberships", "UPDATE", "update"), ("CompanyMemberships", "DELETE", "delete"),
        ("Networks", "INSERT", "insert"), ("Networks", "UPDATE", "update"), ("Networks", "DELETE", "delete"),
    ];

    /// <summary>The migration's SQL: the triggers that bump the version (<see cref="VersionTriggers"/>).</summary>
    public static string TriggersSql { get; } = VersionTriggers.Create("DirectoryVersions", "directory_version", Changes);

    public static string DropTriggersSql { get; } = VersionTriggers.Drop("directory_version", Changes);
}

/// <summary>
/// The directory's version as the search page reads it on every view, before it knows whether its results are kept: on a
/// statement kept prepared (<see cref="KeptRead"/>), not through EF's compiled query, which cost the page a context's
/// connection opened and closed and its statement parsed again (4 % of a computed search's CPU, `perf`, session 29).
/// </summary>
public sealed class DirectoryVersionReader(PlatformConnection connection) : IDisposable
{
    private readonly KeptRead _read = new(connection, """SELECT "Version" FROM "DirectoryVersions" WHERE "Id" = 1""");

    public long Read() => _read.Read(reader => reader.GetInt64(0), 0L);

    public void Dispose() => _read.Dispose();
}
