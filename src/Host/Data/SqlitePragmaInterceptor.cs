using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Host.Data;

/// <summary>
/// Sets the per-connection SQLite pragmas on every connection EF opens, host and plugin contexts
/// alike. WAL itself is persistent and set once when the database is migrated.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // busy_timeout lets SQLite wait inside the engine instead of Microsoft.Data.Sqlite's 150 ms sleep
    // loop; synchronous=NORMAL is safe in WAL mode (an app crash loses nothing). cache_size: each pooled
    // connection keeps its own page cache (2 MB by default, a dozen connections under load); the file's
    // pages stay in the OS's cache, so 512 KiB each serve the pages as fast for a quarter of the memory
    // (decision 0015, amendment).
    internal const string Pragmas =
        "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA journal_size_limit=67108864; PRAGMA cache_size=-512;";

    // The pragmas belong to the native connection, which the pool keeps open across EF's open/close
    // of the SqliteConnection (EF opens and closes it around every query outside a transaction). They
    // are sent once per native handle, not four statements more per query (profiled on the pledge
    // post: five opens a request). The table holds the handles weakly: a closed pool connection goes.
    private static readonly object Configured = new();

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    private bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !_configured.TryGetValue(handle, out _);
    }

    private void Remember(object? handle)
    {
        if (handle is not null)
        {
            _configured.AddOrUpdate(handle, Configured);
        }
    }
}
