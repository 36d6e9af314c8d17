using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    private async Task<long> ReadVersionAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PluginStateVersions.AsNoTracking().Where(v => v.Id == 1).Select(v => v.Version).SingleAsync();
    }
}
