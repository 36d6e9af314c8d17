using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Host.Data;

/// <summary>
/// Reads whose SQLite statements are compiled once, not on every view (decision 0019). EF makes a new command
/// for every execution, and Microsoft.Data.Sqlite compiles its statement again each time and finalises it when
/// the command or its connection closes: on the queue page, compiling its five statements was most of SQLite's
/// share of the CPU (bench/README.md, « SQLite compiles every statement again »). A query tagged with
/// <see cref="Tag"/> (<c>.TagWith(PreparedReads.Tag)</c>) is run instead on one of a few connections this
/// singleton keeps open, each keeping the statements it ran prepared; EF reads the rows from that reader as
/// from its own. Only outside a transaction (a read inside one must see its writes, on its connection), and
/// only when a connection is free: otherwise the query runs as EF runs it, so a read never waits for another.
/// Each read is its own implicit transaction (WAL): its statement is reset when EF closes the reader, so it
/// never holds an old snapshot of the database. A read that needs nothing of EF's runs on the same connections and
/// statements through <c>List</c> (the directory search's: decision 0006, amendment 9).
/// </summary>
public sealed class PreparedReads(PlatformConnection platform) : DbCommandInterceptor, IDisposable
{
    /// <summary>The tag that asks for a query's statement to be kept prepared: for the hot reads of busy pages, whose SQL has few texts.</summary>
    public const string Tag = "prepared";

    private const string Marker = "-- " + Tag;

    // Connections kept open: a read takes one only for the time of its statement, so one a core serves every
    // core; each has its own page cache (2 MiB, PageCache) and its statements. A connection
    // keeps at most this many statements: the tagged queries' texts, which are few and constant.
    internal static readonly int MostConnections = Math.Max(2, Environment.ProcessorCount);
    private const int MostStatements = 32;

    // The page cache of each: SQLite's default, 2 MiB, rather than the pooled connections' 512 KiB — a core's worth of
    // connections serve the busy pages' reads, whose index pages (the search's full-text lists and names by id) then
    // stay in the cache instead of being read from the operating system again: 28 % more searches computed a second
    // at 100 000 companies, side by side, for at most 1.5 MiB more per connection (decision 0019, amendment).
    private const string PageCache = " PRAGMA cache_size=-2048;";

    private readonly Lock _lock = new();
    private readonly Stack<Connection> _idle = new();
    // The readers lent to EF, one a connection at most, found again by reference when EF disposes them.
    private readonly Lease?[] _lent = new Lease?[MostConnections];
    private int _lentCount;
    private int _opened;
    private bool _disposed;
    private long _served;
    private int _compiled;

    /// <summary>Reads served from a kept statement (for the tests).</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>Statements compiled and kept, over every connection.</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || !TryTake(command, out var connection, out var prepared))
        {
            return result;
        }

        SqliteDataReader reader;
        try
        {
            reader = prepared.ExecuteReader();
        }
        catch
        {
            Discard(connection);
            throw;
        }

        return Lend(reader, connection, prepared);
    }

    /// <summary>As <see cref="ReaderExecuting"/>: Microsoft.Data.Sqlite runs a statement synchronously whichever way it is called.</summary>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReaderExecuting(command, eventData, result));
    }

    /// <summary>EF closes the reader, then tells its interceptors it disposes it: the statement is reset, its connection free.</summary>
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        // Every reader EF disposes comes here, its own ones included: most return at once.
        if (Volatile.Read(ref _lentCount) == 0 || TakeBack(eventData.DataReader) is not { } lease)
        {
            return result;
        }

        lease.Reader.Dispose();
        lease.Command.Parameters.Clear();
        Give(lease.Connection);
        return result;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            while (_idle.TryPop(out var connection))
            {
                connection.Dispose();
            }
        }
    }

    private InterceptionResult<DbDataReader> Lend(SqliteDataReader reader, Connection connection, SqliteCommand prepared)
    {
        lock (_lock)
        {
            // A free slot: there are as many as connections, and this one's connection is not lent.
            _lent[Array.IndexOf(_lent, null)] = new Lease(reader, connection, prepared);
            _lentCount++;
        }

        Interlocked.Increment(ref _served);
        return InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    private Lease? TakeBack(DbDataReader reader)
    {
        lock (_lock)
        {
            for (var i = 0; i < _lent.Length; i++)
            {
                if (_lent[i] is { } lease && ReferenceEquals(lease.Reader, reader))
                {
                    _lent[i] = null;
                    _lentCount--;
                    return lease;
                }
            }
        }

        return null;
    }

    private bool TryTake(DbCommand command, out Connection connection, out SqliteCommand prepared)
    {
        connection = null!;
        prepared = null!;
        if (command.Transaction is not null
            || !command.CommandText.StartsWith(Marker, StringComparison.Ordinal)
            || !string.Equals(command.Connection?.ConnectionString, platform.ConnectionString, StringComparison.Ordinal)
            || !TryTake(command.CommandText, out connection, out var kept))
        {
            return false;
        }

        // EF's own parameters, as they are: bound when the statement runs, cleared when the reader is disposed.
        foreach (SqliteParameter parameter in command.Parameters)
        {
            kept.Parameters.Add(parameter);
        }

        prepared = kept;
        return true;
    }

    /// <summary>
    /// The rows of <paramref name="sql"/>, read on a kept statement without EF: for the reads whose statement costs less
    /// than EF's work around it (its query pipeline, and its own connection opened and closed around the kept one).
    /// <paramref name="bind"/> adds the statement's parameters. Without a free kept connection, the statement runs on a
    /// connection of the pool, as EF would run it.
    /// </summary>
    public List<T> List<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> row)
    {
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(row);
        if (TryTake(sql, out var connection, out var kept))
        {
            List<T> rows;
            try
            {
                rows = Rows(kept, bind, row);
            }
            catch
            {
                Discard(connection);
                throw;
            }

            Give(connection);
            Interlocked.Increment(ref _served);
            return rows;
        }

        using var pooled = new SqliteConnection(platform.ConnectionString);
        pooled.Open();
        using var command = pooled.CreateCommand();
        command.CommandText = sql;
        return Rows(command, bind, row);
    }

    private static List<T> Rows<T>(SqliteCommand command, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> row)
    {
        try
        {
            bind(command.Parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(row(reader));
            }

            return rows;
        }
        finally
        {
            command.Parameters.Clear();
        }
    }

    /// <summary>A free kept connection (opened if fewer than the most are) with the statement of <paramref name="sql"/>; none if there is no free one.</summary>
    private bool TryTake(string sql, out Connection connection, out SqliteCommand kept)
    {
        kept = null!;
        lock (_lock)
        {
            if (_disposed)
            {
                connection = null!;
                return false;
            }

            if (!_idle.TryPop(out connection!))
            {
                if (_opened == MostConnections)
                {
                    return false;
                }

                _opened++;
                connection = null!;
            }
        }

        try
        {
            connection ??= Connection.Open(platform.ConnectionString);
            if (connection.Command(sql, ref _compiled) is not { } command)
            {
                Give(connection);
                return false;
            }

            kept = command;
            return true;
        }
        catch
        {
            Discard(connection);
            throw;
        }
    }

    private void Give(Connection connection)
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _idle.Push(connection);
                return;
            }
        }

        connection.Dispose();
    }

    /// <summary>A connection whose statement failed is closed: the next read opens another.</summary>
    private void Discard(Connection? connection)
    {
        connection?.Dispose();
        lock (_lock)
        {
            _opened--;
        }
    }

    private sealed record Lease(SqliteDataReader Reader, Connection Connection, SqliteCommand Command);

    /// <summary>A connection kept open, and the commands it keeps prepared, by their SQL.</summary>
    private sealed class Connection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        private Connection(SqliteConnection connection) => _connection = connection;

        public static Connection Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                connection.Open();
                using var pragmas = connection.CreateCommand();
                pragmas.CommandText = SqlitePragmaInterceptor.Pragmas + PageCache;
                pragmas.ExecuteNonQuery();
                return new Connection(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>The command of <paramref name="sql"/>, created on its first read; none when the connection keeps <see cref="MostStatements"/> already.</summary>
        public SqliteCommand? Command(string sql, ref int compiled)
        {
            if (_commands.TryGetValue(sql, out var command))
            {
                return command;
            }

            if (_commands.Count == MostStatements)
            {
                return null;
            }

            command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
            _commands.Add(sql, command);
            Interlocked.Increment(ref compiled);
            return command;
        }

        // Closing the connection finalises its commands' statements.
        public void Dispose() => _connection.Dispose();
    }
}
