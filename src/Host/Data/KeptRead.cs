using Microsoft.Data.Sqlite;

namespace Platform.Host.Data;

/// <summary>
/// One small read that busy requests make, on one connection the process keeps open with its statement prepared
/// once (a version row: the plugins' enablement, the queue page's; a row by its key: a company's stored suggestions).
/// Through EF each read cost a context from the pool, a connection opened and closed and a statement parsed again: a
/// tenth of a plugin page's CPU (bench/README.md). Each read is its own read transaction, so it sees the last commit
/// of any process; reads take turns on the connection (a few microseconds each).
/// </summary>
public sealed class KeptRead(PlatformConnection connection, string sql) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _read;

    /// <summary>The statement's first row through <paramref name="row"/>; <paramref name="none"/> when it has none.</summary>
    public T Read<T>(Func<SqliteDataReader, T> row, T none) => Read(null, row, none);

    /// <summary>The first row through <paramref name="row"/> of the statement whose parameter <c>$key</c> is <paramref name="key"/>.</summary>
    public T Read<T>(long key, Func<SqliteDataReader, T> row, T none) => Read((long?)key, row, none);

    private T Read<T>(long? key, Func<SqliteDataReader, T> row, T none)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_gate)
        {
            try
            {
                _read ??= Prepare();
                if (key is { } value)
                {
                    _read.Parameters[0].Value = value;
                }

                using var reader = _read.ExecuteReader();
                return reader.Read() ? row(reader) : none;
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
        read.CommandText = sql;
        if (sql.Contains("$key", StringComparison.Ordinal))
        {
            read.Parameters.Add("$key", SqliteType.Integer);
        }

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
