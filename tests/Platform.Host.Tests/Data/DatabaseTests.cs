using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Networks;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Data;

[Collection(SharedHost.Name)]
public sealed class DatabaseTests(SharedHostFactory factory)
{
    [Fact]
    public async Task EveryConnection_HasWalBusyTimeoutAndForeignKeys()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await Pragma(db, "journal_mode"));
        Assert.Equal("5000", await Pragma(db, "busy_timeout"));
        Assert.Equal("1", await Pragma(db, "foreign_keys"));
        Assert.Equal("1", await Pragma(db, "synchronous")); // NORMAL
        Assert.Equal("-512", await Pragma(db, "cache_size")); // KiB: each pooled connection has its own page cache
        Assert.Equal(factory.DatabasePath, db.Database.GetDbConnection().DataSource);

        // The pragmas are sent once per native connection: a pooled one reopened keeps them.
        await db.Database.CloseConnectionAsync();
        await db.Database.OpenConnectionAsync();
        Assert.Equal("5000", await Pragma(db, "busy_timeout"));
        Assert.Equal("1", await Pragma(db, "synchronous"));
        Assert.Equal("-512", await Pragma(db, "cache_size"));
    }

    [Fact]
    public async Task Sqlite_CountsNoMemory_SoConcurrentConnectionsDoNotWaitOnOneMutex()
    {
        Assert.True(SqliteEngine.EnsureConfigured());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.True(await db.Companies.AnyAsync());

        // With the count on (the library's default), every allocation of every connection adds to it.
        Assert.Equal(0, SQLitePCL.raw.sqlite3_memory_used());
    }

    [Fact]
    public void EveryModel_HasItsMigrations()
    {
        // Start-up applies migrations only when some are pending, without EF's model comparison: this is that check.
        using var scope = factory.Services.CreateScope();
        var contexts = factory.Services.GetRequiredService<PluginCatalog>().Loaded.SelectMany(p => p.DbContextTypes)
            .Select(type => (DbContext)scope.ServiceProvider.GetRequiredService(type))
            .Prepend(scope.ServiceProvider.GetRequiredService<PlatformDbContext>())
            .ToList();

        Assert.Contains(contexts, c => c is not PlatformDbContext);
        Assert.All(contexts, c => Assert.False(c.Database.HasPendingModelChanges(), $"{c.GetType().Name}: dotnet ef migrations add"));
    }

    [Fact]
    public async Task DemoMode_SeedsEveryNetworkOfTheBrief_WithValidSlugs()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var networks = await db.Networks.AsNoTracking().ToListAsync();

        Assert.Equal(DemoNetworks.All.Count, networks.Count);
        Assert.All(networks, n => Assert.True(NetworkSlug.IsValid(n.Slug), n.Slug));
        Assert.Contains(networks, n => n.Slug == "prod-iaa" && n.Name == "PROD'IAA");
        Assert.Equal(10, networks.Count(n => n.Kind == Abstractions.Networks.NetworkKind.Cluster));
        foreach (var network in networks)
        {
            Assert.True(await db.NetworkAnimators.AnyAsync(a => a.NetworkId == network.Id), $"no animator for {network.Slug}");
        }
    }

    [Fact]
    public async Task Healthz_ReportsDatabaseAndEveryPlugin()
    {
        using var client = factory.CreateBrowser();
        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("ok", health.RootElement.GetProperty("database").GetString());
        var statuses = health.RootElement.GetProperty("plugins").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("Loaded", statuses["Notes"]);
        Assert.Equal("Faulted", statuses["CtorThrows"]);
        Assert.Equal("Incompatible", statuses["OtherContract"]);
    }

    private static async Task<string> Pragma(PlatformDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
