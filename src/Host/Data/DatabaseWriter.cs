using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data.CompiledModel;
using Platform.Host.Resilience;
using Polly.Registry;

namespace Platform.Host.Data;

/// <summary>
/// Runs read-check-write work as one write transaction: the transaction is opened before the first
/// read (Microsoft.Data.Sqlite's <c>BeginTransaction</c> sends <c>BEGIN IMMEDIATE</c>, so the write
/// lock is taken up front and no other writer can slip in between the check and the write), the
/// whole transaction is retried on SQLITE_BUSY/LOCKED, and writers of this process go through one
/// gate (DESIGN §7: ~10× the throughput of letting SQLite's busy handler arbitrate). Reads never need
/// it (WAL). The work that queues up behind the gate is committed together (<see cref="WriteGate"/>).
/// </summary>
public sealed class DatabaseWriter(ResiliencePipelineProvider<string> pipelines, WriteGate gate)
{
    /// <summary>
    /// Runs <paramref name="work"/> inside one transaction, committed if it returns; the work calls
    /// <c>SaveChangesAsync</c> itself. Its context is fresh (nothing tracked) but not its own: do not
    /// change its settings. It may run more than once (retries): it must not have effects outside the
    /// database. Publish events and send mail after it returns.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<PlatformDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await pipelines.GetPipeline(ResiliencePipelines.DatabaseWrite).ExecuteAsync(
            async token => await gate.RunAsync(work, token),
            cancellationToken);
    }
}

/// <summary>
/// One writer at a time inside this process, with group commit. A singleton. Writes queue up while one
/// transaction runs; the next transaction takes up to <see cref="MostPerTransaction"/> of them and runs
/// each, in order, inside its own savepoint: a write that throws is rolled back alone and its caller gets
/// the exception; the others commit together, and their callers get their results once the commit is
/// done. Each write still reads and writes as if alone — one after the other, in one <c>BEGIN
/// IMMEDIATE</c> transaction — and the transaction's fixed cost (taking the lock, committing, writing
/// the pages it changed to the WAL, handing the gate to the next writer) is paid once for the group.
/// The gate keeps one connection open for all its transactions, so that the statements of the busiest
/// writes stay prepared on it (<see cref="WriterCommands"/>); a transaction that fails closes it, and the
/// next one opens another.
/// </summary>
public sealed class WriteGate(PlatformConnection platformConnection, ILoggerFactory loggerFactory) : IDisposable
{
    public const int MostPerTransaction = 32;

    private const string Savepoint = "SAVEPOINT \"WriteGate\"";
    private const string Release = "RELEASE \"WriteGate\"";
    private const string RollbackToSavepoint = "ROLLBACK TO \"WriteGate\"";

    private readonly ConcurrentQueue<IPendingWrite> _pending = new();
    private int _draining;
    private volatile bool _disposed;
    private SqliteConnection? _connection;
    private DbContextOptions<PlatformDbContext>? _options;

    public Task<T> RunAsync<T>(Func<PlatformDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        var write = new PendingWrite<T>(work, cancellationToken);
        _pending.Enqueue(write);
        if (Interlocked.Exchange(ref _draining, 1) == 1)
        {
            if (_disposed)
            {
                // Disposed since the check: no drain will run again.
                FailPending();
            }
        }
        else
        {
            // The loop outlives this caller: it does not carry the caller's ambient state (each write runs in its own).
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(DrainAsync, CancellationToken.None);
            }
        }

        return write.Task;
    }

    /// <summary>Closes the gate's connection; a write that comes after, or that was still waiting, fails.</summary>
    public void Dispose()
    {
        _disposed = true;
        // Whoever holds the drain closes the connection: this, if no drain runs, else the drain as it ends.
        if (Interlocked.Exchange(ref _draining, 1) == 0)
        {
            Shut();
        }
    }

    /// <summary>Runs transactions while writes are waiting; exactly one drain runs at a time.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            if (_disposed)
            {
                Shut();
                return;
            }

            var group = new List<IPendingWrite>(MostPerTransaction);
            while (group.Count < MostPerTransaction && _pending.TryDequeue(out var write))
            {
                if (!write.CancelIfRequested())
                {
                    group.Add(write);
                }
            }

            if (group.Count > 0)
            {
                await CommitTogetherAsync(group);
                continue;
            }

            // Nothing waits: stop, unless a write came in between the empty queue and the flag.
            Volatile.Write(ref _draining, 0);
            if ((_pending.IsEmpty && !_disposed) || Interlocked.Exchange(ref _draining, 1) == 1)
            {
                return;
            }
        }
    }

    private async Task CommitTogetherAsync(List<IPendingWrite> group)
    {
        var done = new List<IPendingWrite>(group.Count);
        try
        {
            await using var db = new PlatformDbContext(await ContextOptionsAsync());
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var write in group)
            {
                await db.Database.Command(Savepoint).ExecuteNonQueryAsync();
                try
                {
                    await write.RunAsync(db);
                    await db.Database.Command(Release).ExecuteNonQueryAsync();
                    done.Add(write);
                }
                catch (Exception e)
                {
                    await db.Database.Command(RollbackToSavepoint).ExecuteNonQueryAsync();
                    await db.Database.Command(Release).ExecuteNonQueryAsync();
                    write.Fail(e);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // The transaction could not start or commit: nothing of the group is written, and the connection,
            // in a state no one knows, is not used again.
            CloseConnection();
            foreach (var write in group)
            {
                write.Fail(e);
            }

            return;
        }

        foreach (var write in done)
        {
            write.Complete();
        }
    }

    /// <summary>The options of the gate's contexts: on the gate's connection, opened with the pragmas of every connection.</summary>
    private async Task<DbContextOptions<PlatformDbContext>> ContextOptionsAsync()
    {
        if (_options is { } options)
        {
            return options;
        }

        var connection = new SqliteConnection(platformConnection.ConnectionString);
        try
        {
            await connection.OpenAsync();
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmaInterceptor.Pragmas;
            await pragmas.ExecuteNonQueryAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        _connection = connection;
        return _options = new DbContextOptionsBuilder<PlatformDbContext>()
            .UseSqlite(connection)
            .UseModel(PlatformDbContextModel.Instance)
            .UseLoggerFactory(loggerFactory)
            .Options;
    }

    private void CloseConnection()
    {
        _connection?.Dispose();
        _connection = null;
        _options = null;
    }

    /// <summary>After <see cref="Dispose"/>, by the holder of the drain: the connection closes and the writes left fail.</summary>
    private void Shut()
    {
        CloseConnection();
        FailPending();
    }

    private void FailPending()
    {
        while (_pending.TryDequeue(out var write))
        {
            write.Fail(new ObjectDisposedException(nameof(WriteGate)));
        }
    }

    private interface IPendingWrite
    {
        Task RunAsync(PlatformDbContext db);

        void Complete();

        void Fail(Exception exception);

        bool CancelIfRequested();
    }

    private sealed class PendingWrite<T>(Func<PlatformDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IPendingWrite
    {
        // Asynchronous continuations: a caller never runs on the gate's own loop.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ExecutionContext? _callerContext = ExecutionContext.Capture();
        private T? _result;

        public Task<T> Task => _completion.Task;

        /// <summary>Runs the work in its caller's execution context (its async locals: activity, logging scopes…), as if the caller ran it.</summary>
        public Task RunAsync(PlatformDbContext db)
        {
            if (_callerContext is null)
            {
                return RunWorkAsync(db);
            }

            Task? running = null;
            ExecutionContext.Run(_callerContext, _ => running = RunWorkAsync(db), null);
            return running!;
        }

        private async Task RunWorkAsync(PlatformDbContext db) => _result = await work(db, cancellationToken);

        public void Complete() => _completion.TrySetResult(_result!);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }

        public bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);
    }
}
