using Microsoft.Playwright;

namespace Platform.EndToEnd;

[Collection(BrowserJourneys.Name)]
public sealed class AdminJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Admin_EnablesFormationForAnotherNetwork_SeesItInTheNavigation_ThenDisablesIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var admin = await Visitor.StartAsync(fixture, "admin");
        await admin.SignInAsync("admin@demo.interclustering47.fr");

        // Demo mode enabled it for the programme's seven networks only: SOTRA has no such page yet.
        Assert.Equal(404, await admin.VisitAsync("/c/sotra/formation"));

        await admin.VisitAsync("/admin/modules");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Formation inter-clusters" }).ClickAsync();
        await admin.CheckPageAsync();
        var row = admin.Page.Locator("tr", new() { HasText = "SOTRA" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        await admin.CheckPageAsync();
        Assert.Contains("Module activé pour SOTRA.", await admin.Page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        await admin.VisitAsync("/c/sotra");
        var networkNav = admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation du réseau SOTRA" });
        await networkNav.GetByRole(AriaRole.Link, new() { Name = "Formations" }).ClickAsync();
        await admin.CheckPageAsync();
        Assert.Equal("Formations inter-clusters", await admin.Page.Locator("h1").InnerTextAsync());
        Assert.EndsWith("/c/sotra/formation", admin.Page.Url, StringComparison.Ordinal);
        Assert.True(await admin.Page.Locator("#no-programme").IsVisibleAsync());

        await admin.VisitAsync("/admin/modules/formation");
        // The confirmation dialog is accepted by the visitor.
        await admin.Page.Locator("tr", new() { HasText = "SOTRA" }).GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await admin.CheckPageAsync();

        Assert.Equal(404, await admin.VisitAsync("/c/sotra/formation"));
        Assert.Equal("Page introuvable", await admin.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation du réseau SOTRA" }).GetByRole(AriaRole.Link, new() { Name = "Formations" }).CountAsync());
        Assert.DoesNotContain(admin.Problems, p => !p.Contains("/c/sotra/formation", StringComparison.Ordinal));
    }
}
