using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Networks;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Networks;

public sealed class NetworkFilterTests(ManyNetworksFactory factory) : IClassFixture<ManyNetworksFactory>
{
    [Theory]
    [InlineData("/agenda?reseau=PROD-IAA")]
    [InlineData("/annuaire?reseau=prod-iaa")]
    public async Task ManyNetworks_ThePageCarriesTheChosenOne_AndTheBrowserLoadsTheRest(string url)
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var networks = await Networks();

        var (_, page) = await browser.GetPageAsync(url);

        var select = page.QuerySelector("select#reseau")!;
        Assert.Equal([("", "Tous les réseaux", false), ("prod-iaa", "PROD'IAA", true)], Options(select));
        var optionsUrl = select.GetAttribute("data-options-url")!;
        Assert.StartsWith("/reseaux/options?v=", optionsUrl, StringComparison.Ordinal);

        var response = await browser.Client.GetAsync(new Uri(optionsUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        // Parsed as the script does: the options of a <select>.
        var loaded = await LoadedOptionsAsync(response);
        Assert.Equal(networks.Select(n => (n.Slug, n.Name, false)), loaded);
    }

    [Fact]
    public async Task ManyNetworks_AnUnknownNetwork_LeavesTheFilterOnAll()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());

        var (response, page) = await browser.GetPageAsync("/agenda?reseau=reseau-inconnu");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("", "Tous les réseaux", false)], Options(page.QuerySelector("select#reseau")!));
    }

    [Theory]
    [InlineData("/annuaire/reseaux/sotra")]
    [InlineData("/c/sotra")]
    public async Task WithoutScript_ANetworksPages_LeadToItsAgenda(string networkPage)
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, page) = await browser.GetPageAsync(networkPage);
        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Equals("agenda du réseau", StringComparison.OrdinalIgnoreCase)).GetAttribute("href")!;

        var (response, agenda) = await browser.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("", "Tous les réseaux", false), ("sotra", "SOTRA", true)], Options(agenda.QuerySelector("select#reseau")!));
    }

    [Fact]
    public async Task OptionsOfAnotherVersion_AreTheCurrentList_NotKept()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var networks = await Networks();

        var response = await browser.Client.GetAsync(new Uri("/reseaux/options?v=0000000000000000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.Equal(networks.Count, (await LoadedOptionsAsync(response)).Count);
    }

    [Fact]
    public void TheVersion_FollowsTheListsContent_NotTheListInstance()
    {
        NetworkInfo[] two = [new(1, "sotra", "SOTRA", NetworkKind.SectorGrouping), new(2, "eclair", "ECLAIR", NetworkKind.Club)];

        Assert.Equal(NetworkFilter.VersionOf(two), NetworkFilter.VersionOf(two.ToArray()));
        Assert.NotEqual(NetworkFilter.VersionOf(two), NetworkFilter.VersionOf([.. two, new(3, "inoo", "INOO", NetworkKind.Cluster)]));
        Assert.NotEqual(NetworkFilter.VersionOf(two), NetworkFilter.VersionOf([two[0], two[1] with { Name = "ÉCLAIR" }]));
    }

    private async Task<IReadOnlyList<NetworkInfo>> Networks()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<INetworkDirectory>().ListAsync();
    }

    private static List<(string Value, string Text, bool Selected)> Options(IElement select) =>
        select.QuerySelectorAll("option").Select(o => (o.GetAttribute("value")!, o.TextContent, o.HasAttribute("selected"))).ToList();

    private static async Task<List<(string Value, string Text, bool Selected)>> LoadedOptionsAsync(HttpResponseMessage response)
    {
        var document = await new HtmlParser().ParseDocumentAsync($"<select>{await response.Content.ReadAsStringAsync()}</select>");
        return Options(document.QuerySelector("select")!);
    }
}

/// <summary>The demo's 18 networks under the default limit: all listed in the page, no script needed.</summary>
[Collection(SharedHost.Name)]
public sealed class NetworkFilterInPageTests(SharedHostFactory factory)
{
    [Theory]
    [InlineData("/agenda?reseau=sotra")]
    [InlineData("/annuaire?reseau=SOTRA")]
    public async Task AFewNetworks_AreAllListedInThePage_TheChosenOneSelected(string url)
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        using var scope = factory.Services.CreateScope();
        var networks = await scope.ServiceProvider.GetRequiredService<INetworkDirectory>().ListAsync();

        var (_, page) = await browser.GetPageAsync(url);

        var select = page.QuerySelector("select#reseau")!;
        Assert.False(select.HasAttribute("data-options-url"));
        var options = select.QuerySelectorAll("option").Skip(1).Select(o => (o.GetAttribute("value"), o.HasAttribute("selected"))).ToList();
        Assert.Equal(networks.Select(n => ((string?)n.Slug, n.Slug == "sotra")), options);
    }
}
