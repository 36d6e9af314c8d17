using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Host.Data;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Data;

[Collection(SharedHost.Name)]
public sealed class DatabaseWriterTests(SharedHostFactory factory)
{
    [Fact]
    public async Task ConcurrentReadCheckWrite_LosesNoUpdate()
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var before = await ReadVersionAsync();

        // Each task reads the row, then writes what it read + 1: outside one transaction per task,
        // concurrent tasks would read the same value and updates would be lost.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => writer.ExecuteAsync(async (db, ct) =>
        {
            var row = await db.PluginStateVersions.SingleAsync(v => v.Id == 1, ct);
            await Task.Yield();
            row.Version++;
            return await db.SaveChangesAsync(ct);
        }))));

        Assert.Equal(before + 40, await ReadVersionAsync());
    }

    [Fact]
    public async Task WorkThatThrows_CommitsNothing()
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var before = await ReadVersionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ExecuteAsync<int>(async (db, ct) =>
        {
            var row = await db.PluginStateVersions.SingleAsync(v => v.Id == 1, ct);
            row.Version += 1000;
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("refusé après écriture");
        }));

        Assert.Equal(before, await ReadVersionAsync());
    }

    [Fact]
    public async Task WritesQueuedTogether_CommitTogether_ButOneThatThrowsIsRolledBackAlone()
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var before = await ReadVersionAsync();
        // The first write holds the gate while the others queue up behind it: they run as one group.
        var (first, release) = await HoldTheGateAsync(writer);
        var queued = Enumerable.Range(0, 20).Select(i => writer.ExecuteAsync(async (db, ct) =>
        {
            var row = await db.PluginStateVersions.SingleAsync(v => v.Id == 1, ct);
            row.Version += i % 4 == 0 ? 1000 : 1;
            await db.SaveChangesAsync(ct);
            return i % 4 == 0 ? throw new InvalidOperationException("refusé après écriture") : row.Version;
        })).ToList();
        release();
        await first;

        var outcomes = await Task.WhenAll(queued.Select(async write =>
        {
            try
            {
                return await write;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        Assert.Equal(5, outcomes.Count(o => o == -1));
        // The others each saw the one before them: versions before+1 … before+15, in queue order.
        Assert.Equal(Enumerable.Range(1, 15).Select(n => before + n), outcomes.Where(o => o != -1));
        Assert.Equal(before + 15, await ReadVersionAsync());
    }

    [Fact]
    public async Task AQueuedWriteCancelledBeforeItsTurn_NeverRuns()
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var before = await ReadVersionAsync();
        var (first, release) = await HoldTheGateAsync(writer);

        using var cancellation = new CancellationTokenSource();
        var ran = false;
        var cancelled = writer.ExecuteAsync(async (db, ct) =>
        {
            ran = true;
            var row = await db.PluginStateVersions.SingleAsync(v => v.Id == 1, ct);
            row.Version++;
            return await db.SaveChangesAsync(ct);
        }, cancellation.Token);
        await cancellation.CancelAsync();
        release();
        await first;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(ran);
        Assert.Equal(before, await ReadVersionAsync());
    }

    [Fact]
    public async Task AWrite_RunsInItsCallersExecutionContext()
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var ambient = new AsyncLocal<string>();

        var seen = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            ambient.Value = $"appelant {i}";
            return await writer.ExecuteAsync(async (db, ct) =>
            {
                await db.PluginStateVersions.AnyAsync(ct);
                return ambient.Value;
            });
        })));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"appelant {i}"), seen);
    }

    [Fact]
    public async Task AWriteThatBreaksTheGatesConnection_FailsItsGroup_AndTheNextWriteRunsOnANewConnection()
    {
        using var gate = new WriteGate(factory.Services.GetRequiredService<PlatformConnection>(), NullLoggerFactory.Instance);
        var before = await ReadVersionAsync();
        var first = await gate.RunAsync(async (db, ct) => await db.PluginStateVersions.AnyAsync(ct), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => gate.RunAsync<int>(async (db, ct) =>
        {
            var row = await db.PluginStateVersions.SingleAsync(v => v.Id == 1, ct);
            row.Version += 1000;
            await db.SaveChangesAsync(ct);
            await db.Database.GetDbConnection().CloseAsync();
            return 0;
        }, CancellationToken.None));
        var (version, cacheSize) = await gate.RunAsync(async (db, ct) =>
        {
            var row = await db.PluginStateVersions.SingleAsync(v => v.Id == 1, ct);
            row.Version++;
            await db.SaveChangesAsync(ct);
            return (row.Version, await db.Database.Command("PRAGMA cache_size").ExecuteScalarAsync(ct));
        }, CancellationToken.None);

        Assert.True(first);
        Assert.Equal(before + 1, version);
        // With the pragmas of every connection (SQLite's default cache is 2 MB, -2000).
        Assert.Equal(-512L, cacheSize);
        Assert.Equal(before + 1, await ReadVersionAsync());
    }

    [Fact]
    public async Task AGateDisposed_RefusesWrites()
    {
        var gate = new WriteGate(factory.Services.GetRequiredService<PlatformConnection>(), NullLoggerFactory.Instance);
        Assert.True(await gate.RunAsync(async (db, ct) => await db.PluginStateVersions.AnyAsync(ct), CancellationToken.None));

        gate.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => gate.RunAsync(async (db, ct) => await db.PluginStateVersions.AnyAsync(ct), CancellationToken.None));
    }

    /// <summary>A write that holds the gate (it has started) until <c>release</c> is called.</summary>
    private static async Task<(Task<int> Write, Action Release)> HoldTheGateAsync(DatabaseWriter writer)
    {
        var holding = new TaskCompletionSource();
        var held = new TaskCompletionSource();
        var write = writer.ExecuteAsync(async (db, ct) =>
        {
            held.SetResult();
            await holding.Task;
            return 0;
        });
        await held.Task;
        return (write, holding.SetResult);
    }

    private async Task<long> ReadVersionAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PluginStateVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Version).SingleAsync();
    }
}
