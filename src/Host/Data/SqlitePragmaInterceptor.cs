using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Host.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas on every connection EF opens, host and plugin contexts
/// alike. WAL itself is persistent and set once when the database is migrated.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // busy_timeout lets SQLite wait inside the engine instead of Microsoft.Data.Sqlite's 150 ms sleep
    // loop; synchronous=NORMAL is safe in WAL mode (an app crash loses nothing).
    private const string Pragmas =
        "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864;";

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
