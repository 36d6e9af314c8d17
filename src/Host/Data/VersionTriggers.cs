namespace Platform.Host.Data;

/// <summary>
/// The SQL of a version row's triggers (the agenda's, decision 0014; the directory's, decision 0006): each
/// change to a table it watches adds one to the row's <c>Version</c>, whoever writes. Provider-specific SQL,
/// run by the migrations.
/// </summary>
internal static class VersionTriggers
{
    /// <param name="versionTable">The table of the version row (its row 1).</param>
    /// <param name="name">The triggers' name infix (<c>"{Table}_{name}_{Suffix}"</c>).</param>
    /// <param name="changes">Each watched table, the change (<c>INSERT</c>, <c>UPDATE OF "Name"</c>…) and the trigger's name suffix.</param>
    public static string Create(string versionTable, string name, IEnumerable<(string Table, string Change, string Suffix)> changes) =>
        string.Concat(changes.Select(c => $"""
            CREATE TRIGGER "{c.Table}_{name}_{c.Suffix}" AFTER {c.Change} ON "{c.Table}" BEGIN
              UPDATE "{versionTable}" SET "Version" = "Version" + 1 WHERE "Id" = 1;
            END;

            """));

    public static string Drop(string name, IEnumerable<(string Table, string Change, string Suffix)> changes) =>
        string.Concat(changes.Select(c => $"""
            DROP TRIGGER IF EXISTS "{c.Table}_{name}_{c.Suffix}";

            """));
}
