using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Tests.Support;
using Platform.Testing;

namespace Platform.Host.Tests.Companies;

/// <summary>
/// The suggestions stored ahead of the views (decision 0021), on a host whose refresher does not run by itself: each
/// test computes them when it needs them, and the triggers are what keeps them right.
/// </summary>
public sealed class StoredSuggestionsTests(StoredSuggestionsTests.Host host) : IClassFixture<StoredSuggestionsTests.Host>
{
    public sealed class Host : PlatformFactory
    {
        public Host()
            : base(TestPaths.PluginFolderWith()) => Clock = new TestClock(DateTimeOffset.UtcNow);

        public TestClock Time => Clock!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Suggestions:RefreshInBackground", "false");
        }
    }

    [Fact]
    public async Task EveryCompanysSuggestions_AreStored_AsAComputationGivesThem()
    {
        await RefreshAllAsync();

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<SuggestionsStore>();
        var suggestions = scope.ServiceProvider.GetRequiredService<ComplementarySuggestions>();
        var ids = await db.Companies.Select(c => c.Id).ToListAsync();
        Assert.Equal(ids.Count, await CountStoredAsync(db));
        var withSome = 0;
        foreach (var id in ids)
        {
            var computed = await suggestions.ComputeAsync(id, ComplementarySuggestions.Shown);
            var stored = await store.ReadAsync(id);
            Assert.NotNull(stored);
            Assert.Equal(Describe(computed), Describe(stored));
            withSome += computed.Count > 0 ? 1 : 0;
        }

        Assert.True(withSome >= ids.Count / 2, $"{withSome} of {ids.Count} demo companies have suggestions");
        Assert.Empty(await store.DueAsync(0, host.Time.GetUtcNow().UtcDateTime - SuggestionsRefresher.RefreshAfter, 1_000));
    }

    [Fact]
    public async Task ThePage_ShowsWhatIsStored()
    {
        await RefreshAllAsync();
        var (company, suggested) = await ASuggestionAsync();
        var shown = new Suggestion(new SuggestedCompany(suggested, "Nom lu dans la table", "Agen"), [], [new SuggestionReason(SuggestionReasonKind.Offers, "une phrase stockée", "un besoin stocké")], 5);
        using (var scope = host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<SuggestionsStore>();
            Assert.True(await store.SaveAsync([(company, [shown])], await store.BasisAsync(), host.Time.GetUtcNow().UtcDateTime));
        }

        using var visitor = new WebSession(host.CreateBrowser());
        var (response, page) = await visitor.GetPageAsync($"/annuaire/entreprises/{company}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(page.QuerySelectorAll("#suggestion-list > li"));
        Assert.Contains("Nom lu dans la table", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Propose « une phrase stockée », qui répond à votre besoin « un besoin stocké ».", item.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> Changes => ["name", "skills", "joins a network", "leaves a network", "leaves the directory"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AChangeToASuggestedCompany_DeletesItsRow_AndEveryRowThatShowsIt_AndNoOther(string change)
    {
        await RefreshAllAsync();
        var (company, suggested) = await ASuggestionAsync();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var showing = await db.Database.SqlQuery<int>($"""SELECT "CompanyId" AS "Value" FROM "CompanySuggestionLinks" WHERE "SuggestedId" = {suggested}""").ToListAsync();
        Assert.Contains(company, showing);
        var before = await CountStoredAsync(db);

        // Through plain SQL, as any writer: the CSV import, the CLI, another instance.
        var done = change switch
        {
            "name" => await db.Database.ExecuteSqlAsync($"""UPDATE "Companies" SET "Name" = "Name" || ' (renommée)' WHERE "Id" = {suggested}"""),
            "skills" => await db.Database.ExecuteSqlAsync($"""UPDATE "Companies" SET "Skills" = 'xylophonie quantique' WHERE "Id" = {suggested}"""),
            "joins a network" => await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CompanyMemberships" ("CompanyId", "NetworkId", "Role")
                SELECT {suggested}, "Id", 'membre' FROM "Networks" WHERE "Id" NOT IN (SELECT "NetworkId" FROM "CompanyMemberships" WHERE "CompanyId" = {suggested}) LIMIT 1
                """),
            "leaves a network" => await db.Database.ExecuteSqlAsync($"""DELETE FROM "CompanyMemberships" WHERE "CompanyId" = {suggested} AND "NetworkId" = (SELECT min("NetworkId") FROM "CompanyMemberships" WHERE "CompanyId" = {suggested})"""),
            _ => await db.Database.ExecuteSqlAsync($"""DELETE FROM "Companies" WHERE "Id" = {suggested}"""),
        };

        Assert.Equal(1, done);
        var left = await db.Database.SqlQuery<int>($"""SELECT "CompanyId" AS "Value" FROM "CompanySuggestions" """).ToListAsync();
        Assert.DoesNotContain(suggested, left);
        Assert.Empty(left.Intersect(showing));
        Assert.Equal(before - showing.Append(suggested).Distinct().Count(), left.Count);
        Assert.Empty(await db.Database.SqlQuery<int>($"""SELECT "SuggestedId" AS "Value" FROM "CompanySuggestionLinks" WHERE "CompanyId" NOT IN (SELECT "CompanyId" FROM "CompanySuggestions")""").ToListAsync());
    }

    [Fact]
    public async Task AChangeToWhatASuggestionDoesNotShow_KeepsTheRows()
    {
        await RefreshAllAsync();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var before = await CountStoredAsync(db);

        await db.Database.ExecuteSqlAsync($"""UPDATE "Companies" SET "ContactPhone" = '05 53 00 00 00', "Headcount" = 7 WHERE "Id" = (SELECT min("SuggestedId") FROM "CompanySuggestionLinks")""");

        Assert.Equal(before, await CountStoredAsync(db));
    }

    [Fact]
    public async Task SuggestionsComputedBeforeAChangeToTheDirectory_AreNotStored()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<SuggestionsStore>();
        var company = await db.Companies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "CompanySuggestions" WHERE "CompanyId" = {company}""");
        var basis = await store.BasisAsync();
        var computed = await scope.ServiceProvider.GetRequiredService<ComplementarySuggestions>().ComputeAsync(company, ComplementarySuggestions.Shown);

        await db.Database.ExecuteSqlAsync($"""UPDATE "Companies" SET "Description" = 'Changée pendant le calcul' WHERE "Id" = {company + 1}""");

        Assert.False(await store.SaveAsync([(company, computed)], basis, host.Time.GetUtcNow().UtcDateTime));
        Assert.Null(await store.ReadAsync(company));
        Assert.True(await store.SaveAsync([(company, computed)], await store.BasisAsync(), host.Time.GetUtcNow().UtcDateTime));
        Assert.NotNull(await store.ReadAsync(company));
    }

    [Fact]
    public async Task SuggestionsADayOld_AreDueAgain_AndComputedAgain()
    {
        await RefreshAllAsync();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<SuggestionsStore>();
        var companies = await db.Companies.CountAsync();
        DateTime DayAgo() => host.Time.GetUtcNow().UtcDateTime - SuggestionsRefresher.RefreshAfter;
        Assert.Empty(await store.DueAsync(0, DayAgo(), 1_000));

        host.Time.Advance(SuggestionsRefresher.RefreshAfter + TimeSpan.FromMinutes(1));

        Assert.Equal(companies, (await store.DueAsync(0, DayAgo(), 1_000)).Count);
        var first = await host.Services.GetRequiredService<SuggestionsRefresher>().RefreshBatchAsync(0);
        Assert.NotNull(first);
        Assert.Equal(companies - SuggestionsRefresher.BatchSize, (await store.DueAsync(0, DayAgo(), 1_000)).Count);
        await RefreshAllAsync();
        Assert.Empty(await store.DueAsync(0, DayAgo(), 1_000));
    }

    private Task<int> RefreshAllAsync() => host.Services.GetRequiredService<SuggestionsRefresher>().RefreshAllAsync();

    /// <summary>A company whose stored suggestions show another, and that other.</summary>
    private async Task<(int Company, int Suggested)> ASuggestionAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var links = await db.Database.SqlQuery<int>($"""SELECT "CompanyId" * 100000 + "SuggestedId" AS "Value" FROM "CompanySuggestionLinks" ORDER BY "CompanyId", "SuggestedId" LIMIT 1""").ToListAsync();
        var link = Assert.Single(links);
        return (link / 100_000, link % 100_000);
    }

    private static Task<int> CountStoredAsync(PlatformDbContext db) =>
        db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" """).SingleAsync();

    private static string Describe(IEnumerable<Suggestion> suggestions) => string.Join("\n", suggestions.Select(s =>
        $"{s.Company.Id} {s.Company.Name} {s.Company.Commune} [{string.Join(",", s.Networks.Select(n => n.Slug))}] {s.Score}: "
        + string.Join(" | ", s.Reasons.Select(r => $"{r.Kind} {r.Theirs} {r.Yours}"))));
}

/// <summary>The refresher as the site runs it: in the background, on the host's clock.</summary>
public sealed class SuggestionsRefresherTests(SuggestionsRefresherTests.Host host) : IClassFixture<SuggestionsRefresherTests.Host>
{
    public sealed class Host : PlatformFactory
    {
        public Host()
            : base(TestPaths.PluginFolderWith()) => Clock = new TestClock(DateTimeOffset.UtcNow);

        public TestClock Time => Clock!;
    }

    [Fact]
    public async Task AViewsSuggestions_AreStoredAtOnce_AndEveryCompanysAfterTheStartUp()
    {
        using var visitor = new WebSession(host.CreateBrowser());
        var company = await ScalarAsync($"""SELECT min("Id") AS "Value" FROM "Companies" """);
        Assert.Equal(0, await ScalarAsync($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" """));

        var (response, _) = await visitor.GetPageAsync($"/annuaire/entreprises/{company}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await UntilAsync(async () => await ScalarAsync($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" WHERE "CompanyId" = {company}""") == 1);
        Assert.Equal(1, await ScalarAsync($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" """));

        // Its first pass comes after the start-up, on the site's clock.
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var companies = await ScalarAsync($"""SELECT count(*) AS "Value" FROM "Companies" """);
        await UntilAsync(async () => await ScalarAsync($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" """) == companies);
    }

    private async Task<int> ScalarAsync(FormattableString sql)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.SqlQuery<int>(sql).SingleAsync();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; !await condition(); waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(30), "not done within 30 s");
            await Task.Delay(50);
        }
    }
}
