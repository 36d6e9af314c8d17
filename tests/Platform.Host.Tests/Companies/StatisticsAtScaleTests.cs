using System.Net;
using AngleSharp.Html.Dom;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

/// <summary>
/// The statistics page with more networks than it gives rows to (here 3 a part, on the demo's 18): the
/// largest of each part, one row for the others, the totals of every network, and a link to them all.
/// </summary>
public sealed class StatisticsAtScaleTests(ManyNetworksFactory factory) : IClassFixture<ManyNetworksFactory>
{
    [Fact]
    public async Task ManyNetworks_TheLargestOfEachPartHaveARow_TheOthersAreSummed_TheTotalsStay()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());

        var (response, page) = await browser.GetPageAsync("/annuaire/statistiques");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The brief's table (DirectoryPagesTests): SOTRA (36 / 1 800) and PROMOBOIS (29 / 1 300) are folded.
        Assert.Equal(
        [
            ("GASCOGNE ENVIRONNEMENT", 139, 11000), ("CIEL", 40, 2000), ("PROD'IAA", 38, 2300), ("2 autres réseaux", 65, 3100),
            ("Sous-total", 282, 18400), ("ADEBAG", 114, 50000), ("TOTAL", 396, 68400),
        ],
        Rows(page, "#groupings-table"));
        Assert.Equal(["GASCOGNE ENVIRONNEMENT", "CIEL", "PROD'IAA", "ADEBAG"], page.QuerySelectorAll(".stat-bar-label").Select(l => l.TextContent));

        var link = page.QuerySelectorAll("#statistics-view a").Single();
        Assert.Equal("Afficher les 18 réseaux", link.TextContent);
        var (allResponse, all) = await browser.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, allResponse.StatusCode);
        Assert.Equal(8, Rows(all, "#groupings-table").Count);
        Assert.Equal(6, all.QuerySelectorAll(".stat-bar").Length);

        // The other networks: the three with the most members, the rest summed, the same total.
        var every = Rows(all, "#others-table");
        var networks = every.SkipLast(1).OrderByDescending(r => r.Members).ThenByDescending(r => r.Employees).ToList();
        var folded = networks.Skip(3).ToList();
        Assert.Equal(
            [.. networks.Take(3), ($"{folded.Count} autres réseaux", folded.Sum(r => r.Members), folded.Sum(r => r.Employees)), every[^1]],
            Rows(page, "#others-table"));
        Assert.Equal(12, networks.Count);
    }

    [Theory]
    [InlineData("/annuaire/statistiques?vue=inconnue")]
    [InlineData("/annuaire/statistiques?vue=")]
    [InlineData("/annuaire/statistiques?vue=mois&page=2")]
    public async Task ManyNetworks_AnyOtherView_ShowsTheLargest(string url)
    {
        using var browser = new BrowserSession(factory.CreateBrowser());

        var (response, page) = await browser.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, Rows(page, "#groupings-table").Count);
    }

    private static List<(string Label, int Members, int Employees)> Rows(IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(r => (
            r.QuerySelector("th")!.TextContent.Trim(),
            DirectoryPagesTests.Number(r.QuerySelectorAll("td")[0].TextContent),
            DirectoryPagesTests.Number(r.QuerySelectorAll("td")[1].TextContent))).ToList();
}
