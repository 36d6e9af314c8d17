using Microsoft.Data.Sqlite;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

/// <summary>
/// Reads the enablement version row (decision 0004) that every plugin request checks, on one connection
/// the process keeps open with its statement prepared once. Through EF the check cost a context from the
/// pool, a connection open and close and a statement parsed again: a tenth of a plugin page's CPU
/// (bench/README.md). Each read is its own read transaction, so it sees the last commit of any process.
/// </summary>
public sealed class EnablementVersionReader(PlatformConnection connection) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _read;

    public long Read()
    {
        lock (_gate)
        {
            try
            {
                _read ??= Prepare();
                return _read.ExecuteScalar() is long version ? version : 0;
            }
            catch (SqliteException)
            {
                // A broken connection (a file replaced, a disk error) is opened again on the next read.
                Close();
                throw;
            }
        }
    }

    private SqliteCommand Prepare()
    {
        _connection = new SqliteConnection(connection.ConnectionString);
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }

        var read = _connection.CreateCommand();
        read.CommandText = "SELECT \"Version\" FROM \"PluginStateVersions\" WHERE \"Id\" = 1";
        read.Prepare();
        return read;
    }

    private void Close()
    {
        _read?.Dispose();
        _read = null;
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }
}
