using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

[Collection(SharedHost.Name)]
public sealed class DirectoryPagesTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Statistics_OnDemoData_EqualTheBriefsTable()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (response, page) = await browser.GetPageAsync("/annuaire/statistiques");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("#groupings-table tbody tr").Select(r => (
            r.QuerySelector("th")!.TextContent.Trim(),
            Number(r.QuerySelectorAll("td")[0].TextContent),
            Number(r.QuerySelectorAll("td")[1].TextContent))).ToList();
        Assert.Equal(
        [
            ("PROD'IAA", 38, 2300), ("SOTRA", 36, 1800), ("PROMOBOIS", 29, 1300), ("GASCOGNE ENVIRONNEMENT", 139, 11000), ("CIEL", 40, 2000),
            ("Sous-total", 282, 18400), ("ADEBAG", 114, 50000), ("TOTAL", 396, 68400),
        ], rows);
        // French number format, and a chart beside the table.
        Assert.Contains("68\u202F400", page.QuerySelector("#groupings-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, page.QuerySelectorAll(".stat-bar").Length);
        Assert.Contains("Groupe Innovation de la CCI", page.QuerySelector("#others-table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_ComputedAgain_ShowTheNewFiguresNotTheTablesRenderedBefore()
    {
        // The page keeps its rendered tables under the figures' edition: new figures must render new tables.
        using var browser = new BrowserSession(factory.CreateBrowser());
        async Task<int> MembersAsync(string network)
        {
            var (_, page) = await browser.GetPageAsync("/annuaire/statistiques");
            var row = page.QuerySelectorAll("#others-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == network);
            return Number(row.QuerySelectorAll("td")[0].TextContent);
        }

        async Task ChangeAsync(Func<PlatformDbContext, int, int, Task> change)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var network = await db.Networks.SingleAsync(n => n.Slug == "inoo");
            var outsider = await db.Companies.Where(c => !c.Memberships.Any(m => m.NetworkId == network.Id)).Select(c => c.Id).FirstAsync();
            await change(db, network.Id, outsider);
            scope.ServiceProvider.GetRequiredService<IMemoryCache>().Remove(DirectoryStatistics.CacheKey);
        }

        string name;
        using (var scope = factory.Services.CreateScope())
        {
            name = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Networks.Where(n => n.Slug == "inoo").Select(n => n.Name).SingleAsync();
        }

        var before = await MembersAsync(name);
        Assert.Equal(before, await MembersAsync(name));
        int joined = 0;
        await ChangeAsync(async (db, network, company) =>
        {
            joined = company;
            db.CompanyMemberships.Add(new CompanyMembership { CompanyId = company, NetworkId = network });
            await db.SaveChangesAsync();
        });
        try
        {
            Assert.Equal(before + 1, await MembersAsync(name));
        }
        finally
        {
            await ChangeAsync((db, network, _) => db.CompanyMemberships.Where(m => m.NetworkId == network && m.CompanyId == joined).ExecuteDeleteAsync());
        }

        Assert.Equal(before, await MembersAsync(name));
    }

    [Theory]
    [InlineData("légumes")]
    [InlineData("LEGUMES")]
    [InlineData("Légume")]
    public async Task Search_IgnoresAccentsCaseAndPlural(string query)
    {
        var reference = await CountAsync("/annuaire?q=legumes");
        Assert.True(reference > 5);

        Assert.Equal(reference, await CountAsync("/annuaire?q=" + Uri.EscapeDataString(query)));
    }

    [Fact]
    public async Task Statistics_ReadByManyAtOnceWhenExpired_AreComputedOnce()
    {
        // The search reads its networks' members from the figures: when they expire under load, one
        // request computes them and the others wait for it.
        factory.Services.GetRequiredService<IMemoryCache>().Remove(DirectoryStatistics.CacheKey);

        var editions = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            using var scope = factory.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<DirectoryStatistics>().ComputeAsync()).Edition;
        })));

        Assert.Single(editions.Distinct());
    }

    [Fact]
    public async Task Search_RanksNameMatchesFirst_AndFindsNetworks()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, page) = await browser.GetPageAsync("/annuaire?q=emballages");

        var first = page.QuerySelector("#company-results li a")!.TextContent;
        Assert.Contains("Emballages", first, StringComparison.Ordinal);

        var (_, bois) = await browser.GetPageAsync("/annuaire?q=bois");
        var networks = bois.QuerySelectorAll("#network-results a").Select(a => a.TextContent).ToList();
        Assert.Contains("PROMOBOIS", networks);
        Assert.Contains("Cluster Bois et énergie du Fumélois", networks);
        // With its members, as the brief's table counts them.
        var promobois = bois.QuerySelectorAll("#network-results li").Single(li => li.QuerySelector("a")!.TextContent == "PROMOBOIS");
        Assert.Contains("29 adhérents", promobois.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Filters_NarrowTheResults()
    {
        Assert.Equal(29, await CountAsync("/annuaire?reseau=promobois"));

        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, large) = await browser.GetPageAsync("/annuaire?reseau=adebag&taille=ge");
        var headcounts = large.QuerySelectorAll("#company-results .small").Select(e => HeadcountOf(e.TextContent)).ToList();
        Assert.NotEmpty(headcounts);
        Assert.All(headcounts, h => Assert.True(h >= 250, $"{h} salariés"));

        var (_, nerac) = await browser.GetPageAsync("/annuaire?commune=N%C3%A9rac&secteur=Agroalimentaire");
        var items = nerac.QuerySelectorAll("#company-results .small").Select(e => e.TextContent).ToList();
        Assert.Contains(nerac.QuerySelectorAll("#company-results a"), a => a.TextContent == "Conserverie du Pays d'Albret");
        Assert.All(items, text => Assert.Contains("Nérac", text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/annuaire?q=zzqxwv")]
    [InlineData("/annuaire?taille=geante")]
    [InlineData("/annuaire?reseau=inconnu")]
    public async Task Search_NothingFound_ShowsTheEmptyState(string url)
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (response, page) = await browser.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Aucune entreprise", page.QuerySelector("#result-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#empty-state"));
    }

    [Theory]
    [InlineData("\"bois* OR (")]
    [InlineData("NEAR(bois eau)")]
    [InlineData("-*^:{}")]
    [InlineData("'; DROP TABLE Companies; --")]
    public async Task Search_WithQuerySyntaxInIt_AnswersNormally(string query)
    {
        using var client = factory.CreateBrowser();
        var response = await client.GetAsync("/annuaire?q=" + Uri.EscapeDataString(query) + "&page=abc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_PagesThroughEveryCompany()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, first) = await browser.GetPageAsync("/annuaire");
        var (_, second) = await browser.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        using var scope = factory.Services.CreateScope();
        var total = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.CountAsync();
        Assert.Equal(total, Number(first.QuerySelector("#result-count")!.TextContent));
        Assert.Equal(20, first.QuerySelectorAll("#company-results li").Length);
        Assert.Empty(first.QuerySelectorAll("#company-results a").Select(a => a.TextContent).Intersect(second.QuerySelectorAll("#company-results a").Select(a => a.TextContent)));
        Assert.Contains("Page 2 sur", second.QuerySelector(".pagination")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContactDetails_AreHiddenFromAnonymous_AndShownToMembers()
    {
        var id = await CompanyIdAsync("Conserverie du Pays d'Albret");
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var (_, hidden) = await anonymous.GetPageAsync($"/annuaire/entreprises/{id}");
        Assert.NotNull(hidden.QuerySelector("#contact-hidden"));
        Assert.Null(hidden.QuerySelector("a[href^='mailto:']"));
        Assert.Null(hidden.QuerySelector("a[href$='/modifier']"));
        Assert.DoesNotContain("05 53", hidden.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[1].Email);
        var (_, shown) = await member.GetPageAsync($"/annuaire/entreprises/{id}");
        Assert.NotNull(shown.QuerySelector("#company-contact a[href^='mailto:']"));
        Assert.Contains("05 53", shown.QuerySelector("#company-contact")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_NeverComeFromTheCompanysOwnNetworks_AndSayWhy()
    {
        using var scope = factory.Services.CreateScope();
        var ids = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.OrderBy(c => c.Id).Select(c => c.Id).Take(40).ToListAsync();
        using var browser = new BrowserSession(factory.CreateBrowser());
        int suggested = 0, bySector = 0;
        foreach (var id in ids)
        {
            var (_, page) = await browser.GetPageAsync($"/annuaire/entreprises/{id}");
            var own = page.QuerySelectorAll("#company-networks a").Select(a => a.GetAttribute("href")!.Split('/').Last()).ToHashSet();
            var theirs = page.QuerySelectorAll(".suggestion-network").Select(a => a.GetAttribute("data-slug")!).ToList();
            Assert.DoesNotContain(theirs, own.Contains);
            Assert.All(page.QuerySelectorAll("#suggestion-list > li"), li => Assert.NotEmpty(li.QuerySelectorAll(".suggestion-reasons li")));
            suggested += page.QuerySelectorAll("#suggestion-list > li").Length;
            bySector += page.QuerySelectorAll(".suggestion-reasons li").Count(li => li.TextContent.StartsWith("Son activité, « ", StringComparison.Ordinal));
        }

        Assert.True(suggested > 40);
        Assert.True(bySector > 0, "no suggestion by sector");
        var (_, conserverie) = await browser.GetPageAsync($"/annuaire/entreprises/{await CompanyIdAsync("Conserverie du Pays d'Albret")}");
        Assert.Contains(conserverie.QuerySelectorAll(".suggestion-reasons li"), li => li.TextContent == "Propose « emballages en bois », qui répond à votre besoin « emballages en bois ».");
    }

    [Fact]
    public async Task NetworkPage_ShowsFiguresLabelsAndMembers()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (response, page) = await browser.GetPageAsync("/annuaire/reseaux/fruits-legumes-nutrition-sante");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Grappe d'entreprises DATAR (2010)", page.QuerySelector("#network-labels")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#member-list a"), a => a.TextContent == "Conserverie du Pays d'Albret");
        Assert.Null(page.QuerySelector("#animator-tools"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/annuaire/reseaux/inconnu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/annuaire/entreprises/999999")).StatusCode);
    }

    [Fact]
    public async Task Map_DrawsEveryNetworkAndTheirSharedMembers()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, page) = await browser.GetPageAsync("/annuaire/carte");

        Assert.Equal(DemoNetworks.All.Count, page.QuerySelectorAll("#network-map circle").Length);
        var shared = page.QuerySelectorAll("#network-map line").Select(l => int.Parse(l.GetAttribute("data-shared")!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(shared);
        // PROD'IAA and GASCOGNE ENVIRONNEMENT share 13 companies in the demo plan (at least: tests may add more).
        var row = page.QuerySelectorAll("#map-links tbody tr").Select(r => r.TextContent).FirstOrDefault(t => t.Contains("PROD'IAA", StringComparison.Ordinal) && t.Contains("GASCOGNE", StringComparison.Ordinal));
        Assert.NotNull(row);
    }

    internal static int Number(string text) => int.Parse(new string(text.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

    private static int HeadcountOf(string text)
    {
        var part = text.Split('·').Select(p => p.Trim()).Single(p => p.EndsWith("salariés", StringComparison.Ordinal));
        return Number(part);
    }

    private async Task<int> CountAsync(string url)
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, page) = await browser.GetPageAsync(url);
        var text = page.QuerySelector("#result-count")!.TextContent;
        return text.Contains("Aucune", StringComparison.Ordinal) ? 0 : Number(text);
    }

    internal async Task<int> CompanyIdAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }
}
