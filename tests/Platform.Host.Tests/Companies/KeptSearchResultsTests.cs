using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

/// <summary>A directory of its own, whose companies, memberships and networks the tests change.</summary>
public sealed class KeptSearchFactory() : PlatformFactory(TestPaths.NewTempDirectory());

/// <summary>
/// The search page keeps its rendered results under the directory's version (decision 0006, amendment 4):
/// whatever changes what a search shows — written here in plain SQL, as another process would — shows at once,
/// and a search computed on every request (<c>Search:KeepResults</c> off, as the bench measures it) shows the same.
/// </summary>
public sealed class KeptSearchResultsTests(KeptSearchFactory factory) : IClassFixture<KeptSearchFactory>
{
    private Task<int> WriteAsync(string sql, params (string Name, object Value)[] parameters) => Elsewhere.WriteAsync(factory, sql, parameters);

    private static async Task<(IReadOnlyList<string> Companies, IReadOnlyList<string> Networks)> SearchAsync(BrowserSession browser, string url)
    {
        var (response, page) = await browser.GetPageAsync(url);
        response.EnsureSuccessStatusCode();
        return (Texts(page, "#company-results li"), Texts(page, "#network-results li"));

        static List<string> Texts(IDocument page, string selector) =>
            [.. page.QuerySelectorAll(selector).Select(e => string.Join(" ", e.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)))];
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Search_AlreadyRendered_ShowsAtOnceACompanyWrittenOutsideTheHost(bool keepResults)
    {
        var word = keepResults ? "zephyrin" : "zebulon";
        // Off: a second host on the same database, which computes every search.
        using var computing = factory.WithWebHostBuilder(b => b.UseSetting("Search:KeepResults", "false"));
        using var browser = new BrowserSession(keepResults ? factory.CreateBrowser() : computing.CreateClient());
        var url = "/annuaire?q=" + word;
        Assert.Empty((await SearchAsync(browser, url)).Companies);
        Assert.Empty((await SearchAsync(browser, url)).Companies);

        Assert.Equal(1, await WriteAsync("INSERT INTO \"Companies\" (\"Name\", \"Commune\") VALUES ($name, 'Nérac')", ("$name", $"Scierie {word}")));
        Assert.Equal([$"Scierie {word} Nérac"], (await SearchAsync(browser, url)).Companies);

        Assert.Equal(1, await WriteAsync("UPDATE \"Companies\" SET \"Name\" = $name, \"Headcount\" = 12 WHERE \"Name\" = $old", ("$name", $"Menuiserie {word}"), ("$old", $"Scierie {word}")));
        Assert.Equal([$"Menuiserie {word} Nérac · 12 salariés"], (await SearchAsync(browser, url)).Companies);

        Assert.Equal(1, await WriteAsync("DELETE FROM \"Companies\" WHERE \"Name\" = $name", ("$name", $"Menuiserie {word}")));
        Assert.Empty((await SearchAsync(browser, url)).Companies);
    }

    [Fact]
    public async Task NetworkFilter_AlreadyRendered_ShowsAtOnceAMembershipWrittenOutsideTheHost()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        Assert.Equal(1, await WriteAsync("INSERT INTO \"Companies\" (\"Name\") VALUES ('Tonnellerie Quirin')"));
        var company = await Elsewhere.ReadNumberAsync(factory, "SELECT \"Id\" FROM \"Companies\" WHERE \"Name\" = 'Tonnellerie Quirin'");
        const string url = "/annuaire?q=quirin&reseau=ciel";
        Assert.Empty((await SearchAsync(browser, url)).Companies);

        Assert.Equal(1, await WriteAsync("INSERT INTO \"CompanyMemberships\" (\"CompanyId\", \"NetworkId\") VALUES ($id, (SELECT \"Id\" FROM \"Networks\" WHERE \"Slug\" = 'ciel'))", ("$id", company)));
        Assert.Equal(["Tonnellerie Quirin"], (await SearchAsync(browser, url)).Companies);

        Assert.Equal(1, await WriteAsync("DELETE FROM \"CompanyMemberships\" WHERE \"CompanyId\" = $id", ("$id", company)));
        Assert.Empty((await SearchAsync(browser, url)).Companies);
    }

    [Fact]
    public async Task NetworksFound_AlreadyRendered_ShowAtOnceANetworkRenamedOutsideTheHost()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        const string url = "/annuaire?q=bois";
        Assert.Contains((await SearchAsync(browser, url)).Networks, n => n.StartsWith("PROMOBOIS ", StringComparison.Ordinal));

        Assert.Equal(1, await WriteAsync("UPDATE \"Networks\" SET \"Name\" = 'PROMOBOIS 47' WHERE \"Slug\" = 'promobois'"));
        Assert.Contains((await SearchAsync(browser, url)).Networks, n => n.StartsWith("PROMOBOIS 47 ", StringComparison.Ordinal));

        Assert.Equal(1, await WriteAsync("DELETE FROM \"Networks\" WHERE \"Slug\" = 'promobois'"));
        Assert.DoesNotContain((await SearchAsync(browser, url)).Networks, n => n.StartsWith("PROMOBOIS", StringComparison.Ordinal));
    }
}
