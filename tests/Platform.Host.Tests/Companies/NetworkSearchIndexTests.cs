using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

[Collection(SharedHost.Name)]
public sealed class NetworkSearchIndexTests(SharedHostFactory factory)
{
    /// <summary>
    /// The searches of the networks the directory search made when SQLite found them: its FTS5 index of the
    /// networks (as migration <c>Annuaire</c> made it), ranked by <c>bm25</c> with the same weights.
    /// </summary>
    [Theory]
    [InlineData("bois", 2)]
    [InlineData("agroalimentaire", 1)]
    [InlineData("industrie", 1)]
    [InlineData("entreprises", 1)]
    [InlineData("club entreprises", 1)]
    [InlineData("cluster", 1)]
    [InlineData("Numérique", 1)]
    [InlineData("énergie bois", 1)]
    [InlineData("ag", 3)]
    [InlineData("fruits legumes", 1)]
    [InlineData("c", 10)]
    [InlineData("zzzz", 0)]
    public async Task Search_FindsAndRanksTheNetworks_AsSqliteFts5Bm25(string query, int foundAtLeast)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var networks = await db.Networks.AsNoTracking().Select(n => new { n.Id, n.Name, n.Description, n.Labels }).ToListAsync();
        var version = await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().VersionAsync();

        var directory = TestPaths.NewTempDirectory();
        List<int> expected = [];
        await using (var sqlite = new SqliteConnection($"Data Source={Path.Combine(directory, "networks.db")};Pooling=False"))
        {
            await sqlite.OpenAsync();
            await using (var create = sqlite.CreateCommand())
            {
                create.CommandText = """CREATE TABLE "Networks" ("Id" INTEGER PRIMARY KEY, "Name" TEXT NOT NULL, "Description" TEXT, "Labels" TEXT);""";
                await create.ExecuteNonQueryAsync();
            }

            foreach (var network in networks)
            {
                await using var insert = sqlite.CreateCommand();
                insert.CommandText = """INSERT INTO "Networks" VALUES ($id, $name, $description, $labels);""";
                insert.Parameters.AddWithValue("$id", network.Id);
                insert.Parameters.AddWithValue("$name", network.Name);
                insert.Parameters.AddWithValue("$description", (object?)network.Description ?? DBNull.Value);
                insert.Parameters.AddWithValue("$labels", (object?)network.Labels ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync();
            }

            await using (var index = sqlite.CreateCommand())
            {
                index.CommandText = FullTextIndex.NetworksSql;
                await index.ExecuteNonQueryAsync();
            }

            await using var search = sqlite.CreateCommand();
            search.CommandText = """SELECT rowid FROM "NetworkSearch" WHERE "NetworkSearch" MATCH $match ORDER BY bm25("NetworkSearch", 10.0, 2.0, 3.0), rowid LIMIT 10""";
            search.Parameters.AddWithValue("$match", string.Join(" AND ", FullTextIndex.Terms(query)));
            await using var reader = await search.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                expected.Add(reader.GetInt32(0));
            }
        }

        var found = await factory.Services.GetRequiredService<NetworkSearchIndex>().SearchAsync(db, version, FullTextIndex.Stems(query), 10);

        Assert.Equal(expected, found.Select(network => network.Id));
        Assert.InRange(expected.Count, foundAtLeast, 10);
    }

    [Fact]
    public async Task Search_FindsANetworkAsSoonAsItIsAddedRenamedOrDeleted()
    {
        await WithNetworkAsync(new Network { Slug = "xylophonistes-gascons", Name = "Xylophonistes gascons", Labels = "Lutherie" }, async id =>
        {
            Assert.Equal([id], await NetworksFoundAsync("xylophoniste"));
            Assert.Equal([id], await NetworksFoundAsync("LUTHERIE xylophonistes"));

            await factory.Services.GetRequiredService<DatabaseWriter>().ExecuteAsync((db, ct) =>
                db.Networks.Where(n => n.Id == id).ExecuteUpdateAsync(u => u.SetProperty(n => n.Name, "Vibraphonistes gascons"), ct));
            Assert.Empty(await NetworksFoundAsync("xylophoniste"));
            Assert.Equal([id], await NetworksFoundAsync("vibraphonistes"));
        });

        Assert.Empty(await NetworksFoundAsync("vibraphonistes"));
    }

    [Fact]
    public Task SearchesAtOnceAfterAChange_ReadTheNetworksOnce_AndAllFindTheNewOne() =>
        WithNetworkAsync(new Network { Slug = "sonneurs-de-cloches", Name = "Sonneurs de cloches", Description = "Campanologie en Albret" }, async id =>
        {
            var index = factory.Services.GetRequiredService<NetworkSearchIndex>();
            var readings = index.Readings;

            var found = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => NetworksFoundAsync("campanologie"))));

            Assert.All(found, ids => Assert.Equal([id], ids));
            Assert.Equal(readings + 1, index.Readings);
        });

    /// <summary>Runs <paramref name="test"/> with <paramref name="network"/> added to the directory, then deletes it.</summary>
    private async Task WithNetworkAsync(Network network, Func<int, Task> test)
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var id = await writer.ExecuteAsync(async (db, ct) =>
        {
            db.Networks.Add(network);
            await db.SaveChangesAsync(ct);
            return network.Id;
        });
        try
        {
            await test(id);
        }
        finally
        {
            await writer.ExecuteAsync((db, ct) => db.Networks.Where(n => n.Id == id).ExecuteDeleteAsync(ct));
        }
    }

    private async Task<IReadOnlyList<int>> NetworksFoundAsync(string query)
    {
        using var scope = factory.Services.CreateScope();
        var results = await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().SearchAsync(new DirectorySearch(query));
        return [.. results.Networks.Select(network => network.Id)];
    }
}
