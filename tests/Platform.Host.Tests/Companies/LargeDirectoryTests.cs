using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Directory;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

/// <summary>A directory where one word matches more companies than a search reads (<see cref="CompanyDirectory.SearchWindow"/>).</summary>
public sealed class LargeDirectoryFactory() : PlatformFactory(TestPaths.NewTempDirectory()), IAsyncLifetime
{
    public const int Coopers = CompanyDirectory.SearchWindow + 200;

    /// <summary>The last ones, beyond the first <see cref="CompanyDirectory.SearchWindow"/> the index yields.</summary>
    public const int InWoodSector = 10;

    public const string WoodSector = "Bois et ameublement";

    public async Task InitializeAsync() =>
        await Services.GetRequiredService<DatabaseWriter>().ExecuteAsync(async (db, token) =>
        {
            for (var i = 0; i < Coopers; i++)
            {
                db.Companies.Add(new Company
                {
                    Name = $"Tonnelier {i:0000}",
                    Skills = "tonnellerie, barriques",
                    Sector = i >= Coopers - InWoodSector ? WoodSector : "Agroalimentaire",
                });
            }

            return await db.SaveChangesAsync(token);
        });

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class LargeDirectoryTests(LargeDirectoryFactory factory) : IClassFixture<LargeDirectoryFactory>
{
    [Fact]
    public async Task AWordMatchingHundreds_SaysThereAreMore_AndPagesThroughTheWindow()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());

        var (response, page) = await browser.GetPageAsync("/annuaire?q=tonnellerie");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Plus de 200 entreprises trouvées", Normalized(page.QuerySelector("#result-count")!.TextContent));
        Assert.NotNull(page.QuerySelector("#too-many"));
        Assert.Equal(20, page.QuerySelectorAll("#company-results > li").Length);
        Assert.Contains("Page 1 sur 10", page.QuerySelector("nav[aria-label='Pages de résultats']")!.TextContent, StringComparison.Ordinal);

        var (_, last) = await browser.GetPageAsync("/annuaire?q=tonnellerie&page=10");
        Assert.Equal(20, last.QuerySelectorAll("#company-results > li").Length);
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Filters_ComeBeforeTheWindow_AndAPreciseSearchCountsExactly()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());

        var (_, wood) = await browser.GetPageAsync("/annuaire?q=tonnellerie&secteur=" + Uri.EscapeDataString(LargeDirectoryFactory.WoodSector));
        Assert.Equal($"{LargeDirectoryFactory.InWoodSector} entreprises trouvées", Normalized(wood.QuerySelector("#result-count")!.TextContent));
        Assert.Null(wood.QuerySelector("#too-many"));

        var beyondTheWindow = $"Tonnelier {LargeDirectoryFactory.Coopers - 58:0000}";
        var (_, one) = await browser.GetPageAsync("/annuaire?q=" + Uri.EscapeDataString(beyondTheWindow.ToLowerInvariant()));
        Assert.Equal("1 entreprise trouvée", Normalized(one.QuerySelector("#result-count")!.TextContent));
        Assert.Equal(beyondTheWindow, Assert.Single(one.QuerySelectorAll("#company-results a")).TextContent);
    }

    [Fact]
    public async Task Plugins_AreToldThereAreMore_ByATotalOfOneMoreThanTheWindow()
    {
        using var scope = factory.Services.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<ICompanyDirectory>().SearchAsync("tonnellerie");

        Assert.Equal(CompanyDirectory.SearchWindow + 1, found.Total);
        Assert.Equal(20, found.Items.Count);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\u202F', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
