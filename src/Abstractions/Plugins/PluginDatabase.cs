namespace Platform.Abstractions.Plugins;

/// <summary>
/// The database a plugin's own <c>DbContext</c> uses: the host's database, shared by every plugin,
/// where each plugin keeps its tables behind its own prefix and its own migrations history table.
/// </summary>
/// <param name="Provider">The engine: <see cref="Sqlite"/> for now; a plugin that supports another must ship migrations for it.</param>
/// <param name="ConnectionString">The connection string to pass to the provider.</param>
/// <param name="MigrationsHistoryTable">The history table the plugin's migrations must use, <c>__EFMigrationsHistory_&lt;Id&gt;</c>.</param>
/// <param name="TablePrefix">The prefix of every table the plugin creates, <c>&lt;id&gt;_</c> in lower case.</param>
public sealed record PluginDatabase(string Provider, string ConnectionString, string MigrationsHistoryTable, string TablePrefix)
{
    /// <summary>The provider name of the embedded SQLite engine.</summary>
    public const string Sqlite = "Sqlite";
}
