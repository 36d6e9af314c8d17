using Microsoft.EntityFrameworkCore;
using Platform.Host.Resilience;
using Polly.Registry;

namespace Platform.Host.Data;

/// <summary>
/// Runs read-check-write work as one write transaction: the transaction is opened before the first
/// read (Microsoft.Data.Sqlite's <c>BeginTransaction</c> sends <c>BEGIN IMMEDIATE</c>, so the write
/// lock is taken up front and no other writer can slip in between the check and the write), the
/// whole transaction is retried on SQLITE_BUSY/LOCKED, and writers of this process go through one
/// async gate (DESIGN §7: ~10× the throughput of letting SQLite's busy handler arbitrate). Reads
/// never need it (WAL).
/// </summary>
public sealed class DatabaseWriter(
    IDbContextFactory<PlatformDbContext> dbFactory,
    ResiliencePipelineProvider<string> pipelines,
    WriteGate gate)
{
    /// <summary>
    /// Runs <paramref name="work"/> in a fresh context inside one transaction, committed if it
    /// returns; the work calls <c>SaveChangesAsync</c> itself. It may run more than once (retries):
    /// it must not have effects outside the database. Publish events and send mail after it returns.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<PlatformDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return await pipelines.GetPipeline(ResiliencePipelines.DatabaseWrite).ExecuteAsync(async token =>
        {
            using var entered = await gate.EnterAsync(token);
            await using var db = await dbFactory.CreateDbContextAsync(token);
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(db, token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);
    }
}

/// <summary>One writer at a time inside this process. A singleton.</summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
