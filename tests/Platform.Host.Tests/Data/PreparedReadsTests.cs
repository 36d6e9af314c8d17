using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Purchasing;
using Platform.Host.Tests.Purchasing;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Data;

/// <summary>On the purchasing tests' host: its queue page is the busiest user of kept statements, and its queues are the tests' own to change.</summary>
[Collection(PurchasingHost.Name)]
public sealed class PreparedReadsTests(PurchasingHostFactory factory)
{
    private PreparedReads Reads => factory.Services.GetRequiredService<PreparedReads>();

    [Fact]
    public async Task ATaggedRead_IsCompiledOnce_ThenServedFromItsKeptStatement_WithTheSameRowsAsEf()
    {
        var ids = await factory.WithDbAsync(db => db.Networks.OrderBy(n => n.Id).Select(n => n.Id).Take(12).ToListAsync());
        var expected = await factory.WithDbAsync(db => db.Networks.Where(n => ids.Contains(n.Id)).OrderBy(n => n.Id).Select(n => n.Name).ToListAsync());
        var (served, compiled) = (Reads.Served, Reads.Compiled);

        var names = new List<string>();
        foreach (var id in ids)
        {
            names.Add(await NameAsync(id) ?? "(aucun)");
        }

        Assert.Equal(expected, names);
        // One after the other, every read took the same connection back and its statement, compiled once.
        Assert.Equal(ids.Count, Reads.Served - served);
        Assert.Equal(1, Reads.Compiled - compiled);
    }

    [Fact]
    public async Task AWrite_IsSeenByTheNextRead_TheKeptStatementHoldsNoSnapshot()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", [], 10, null, TimeSpan.FromDays(3), title: "Titre d'origine");

        var before = await TitleAsync(id);
        await RetitleAsync(id, "Titre changé");
        var after = await TitleAsync(id);
        await RetitleAsync(id, "Titre changé deux fois");
        var again = await TitleAsync(id);

        Assert.Equal(("Titre d'origine", "Titre changé", "Titre changé deux fois"), (before, after, again));
    }

    [Fact]
    public async Task InsideATransaction_TheReadRunsOnTheContextsConnection_AndSeesItsOwnWrite()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", [], 10, null, TimeSpan.FromDays(3), title: "Titre validé");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var served = Reads.Served;

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Set<PurchasingQueue>().Where(q => q.Id == id).ExecuteUpdateAsync(s => s.SetProperty(q => q.Title, "Pas encore validé"));
            var inside = await db.Set<PurchasingQueue>().TagWith(PreparedReads.Tag).Where(q => q.Id == id).Select(q => q.Title).FirstAsync();

            Assert.Equal("Pas encore validé", inside);
            Assert.Equal(served, Reads.Served);
            await transaction.RollbackAsync();
        }

        Assert.Equal("Titre validé", await TitleAsync(id));
    }

    [Fact]
    public async Task TheQueuePage_ReadsFromKeptStatements_CompiledOnItsFirstView()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", [], 10, null, TimeSpan.FromDays(3));
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[0].Email);
        await member.GetPageAsync($"/achats/{id}");
        // The queues' version moves, as any write to a queue moves it: the page reads again rather than from memory (decision 0020).
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "PurchasingVersions" SET "Version" = "Version" + 1"""));
        var (served, compiled) = (Reads.Served, Reads.Compiled);

        var (response, page) = await member.GetPageAsync($"/achats/{id}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("form"));
        // The queue's row, its invitations, tiers, pledges and history: five reads, nothing compiled again.
        Assert.Equal(5, Reads.Served - served);
        Assert.Equal(compiled, Reads.Compiled);
    }

    [Fact]
    public async Task ManyReadsAtOnce_EachGetsItsOwnRows()
    {
        var names = await factory.WithDbAsync(db => db.Networks.ToDictionaryAsync(n => n.Id, n => n.Name));
        var served = Reads.Served;

        var reads = Enumerable.Range(0, 200).Select(i => names.Keys.ElementAt(i % names.Count)).Select(async id => (id, name: await NameAsync(id)));
        var results = await Task.WhenAll(reads);

        Assert.All(results, r => Assert.Equal(names[r.id], r.name));
        // A read that finds every kept connection taken runs as EF runs it, without waiting: some at least were kept.
        Assert.InRange(Reads.Served - served, 1, 200);
    }

    [Fact]
    public async Task ReadsLeftHalfWay_ByAnError_GiveTheirConnectionBack()
    {
        var ids = await factory.WithDbAsync(db => db.Networks.Select(n => n.Id).ToListAsync());
        for (var i = 0; i < 4; i++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var id in db.Networks.TagWith(PreparedReads.Tag).Select(n => n.Id).AsAsyncEnumerable())
                {
                    throw new InvalidOperationException($"panne au réseau {id}");
                }
            });
        }

        var served = Reads.Served;
        foreach (var id in ids.Take(4))
        {
            Assert.NotNull(await NameAsync(id));
        }

        // Were a connection kept by a read left half-way, the next reads would find none free and run as EF runs them.
        Assert.Equal(4, Reads.Served - served);
    }

    [Fact]
    public void ReadsWithoutEf_TakeAKeptConnectionEach_ThenOneOfThePool_WhenNoneIsFree()
    {
        var served = Reads.Served;
        var deepest = PreparedReads.MostConnections + 1;

        // Each read made while reading the row of the one before: by the deepest, every kept connection is busy.
        int Read(int level) =>
            Assert.Single(Reads.List("SELECT $level", parameters => parameters.AddWithValue("$level", level), row => level < deepest ? Read(level + 1) : row.GetInt32(0)));

        Assert.Equal(deepest, Read(1));
        Assert.Equal(PreparedReads.MostConnections, Reads.Served - served);

        // The kept connections are free again: the next read is served from one.
        Assert.Equal(["libre"], Reads.List("SELECT 'libre'", _ => { }, row => row.GetString(0)));
        Assert.Equal(PreparedReads.MostConnections + 1, Reads.Served - served);
    }

    [Fact]
    public async Task AnUntaggedRead_RunsAsEfRunsIt()
    {
        var served = Reads.Served;

        var count = await factory.WithDbAsync(db => db.Networks.CountAsync());

        Assert.True(count > 0);
        Assert.Equal(served, Reads.Served);
    }

    private async Task<string?> NameAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Networks.TagWith(PreparedReads.Tag).Where(n => n.Id == id).Select(n => n.Name).FirstOrDefaultAsync();
    }

    private Task<string?> TitleAsync(int id) =>
        factory.WithDbAsync(db => db.Set<PurchasingQueue>().TagWith(PreparedReads.Tag).Where(q => q.Id == id).Select(q => q.Title).FirstOrDefaultAsync());

    private Task<int> RetitleAsync(int id, string title) =>
        factory.WithDbAsync(db => db.Set<PurchasingQueue>().Where(q => q.Id == id).ExecuteUpdateAsync(s => s.SetProperty(q => q.Title, title)));
}
