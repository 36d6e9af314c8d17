namespace Platform.EndToEnd;

[Collection(BrowserJourneys.Name)]
public sealed class PhoneWidthTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task MainPages_FitA390PixelScreen()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var member = await Visitor.StartAsync(fixture, "phone", width: 390);
        await member.SignInAsync("membre.conserverie@demo.interclustering47.fr");

        foreach (var url in new[] { "/", "/reseaux", "/c/prod-iaa", "/notifications", "/annuaire", "/annuaire/entreprises/1", "/agenda", "/agenda?vue=mois", "/agenda/1", "/agenda/mes-inscriptions", "/achats", "/achats/3",
            "/c/fruits-legumes-nutrition-sante/formation", "/c/fruits-legumes-nutrition-sante/formation/programmes/1", "/c/prod-iaa/formation/sessions/30" })
        {
            Assert.Equal(200, await member.VisitAsync(url));
            Assert.True(await member.FitsWidthAsync(), $"{url} scrolls horizontally at 390 px");
        }

        Assert.True(member.Problems.Count == 0, string.Join("\n", member.Problems));
    }
}
