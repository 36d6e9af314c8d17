using Microsoft.EntityFrameworkCore;
using Platform.Plugins.Formation.Data;

namespace Platform.Plugins.Formation;

/// <summary>
/// Every read-check-write of the plugin (an enrolment against the seats left, a session against the
/// budget left) runs here: one writer at a time in the process, inside one transaction opened before
/// the first read (SQLite's <c>BEGIN IMMEDIATE</c>, which also serialises writers of other processes).
/// </summary>
public sealed class FormationWriter(FormationDbContext db, FormationWriteGate gate)
{
    public async Task<T> WriteAsync<T>(Func<FormationDbContext, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await gate.Semaphore.WaitAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite opens a non-deferred transaction: BEGIN IMMEDIATE takes the write lock now.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }
}

/// <summary>The process-wide gate of <see cref="FormationWriter"/>.</summary>
public sealed class FormationWriteGate : IDisposable
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}
