using Microsoft.Playwright;

namespace Platform.EndToEnd;

[Collection(BrowserJourneys.Name)]
public sealed class AdminJourneyTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Admin_EnablesAPluginForANetwork_SeesItInTheNavigation_ThenDisablesIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var admin = await Visitor.StartAsync(fixture, "admin");
        await admin.SignInAsync("admin@demo.interclustering47.fr");

        await admin.VisitAsync("/admin/modules");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Notes de réseau" }).ClickAsync();
        await admin.CheckPageAsync();
        var row = admin.Page.Locator("tr", new() { HasText = "Cluster ECLAIR" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
        await admin.CheckPageAsync();
        Assert.Contains("Module activé pour Cluster ECLAIR.", await admin.Page.Locator("[role=status]").InnerTextAsync(), StringComparison.Ordinal);

        await admin.VisitAsync("/c/eclair");
        var networkNav = admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation du réseau Cluster ECLAIR" });
        await networkNav.GetByRole(AriaRole.Link, new() { Name = "Notes" }).ClickAsync();
        await admin.CheckPageAsync();
        Assert.Equal("Notes du réseau Cluster ECLAIR", await admin.Page.Locator("h1").InnerTextAsync());

        await admin.VisitAsync("/admin/modules/notes");
        // The confirmation dialog is accepted by the visitor.
        await admin.Page.Locator("tr", new() { HasText = "Cluster ECLAIR" }).GetByRole(AriaRole.Button, new() { Name = "Désactiver" }).ClickAsync();
        await admin.CheckPageAsync();

        Assert.Equal(404, await admin.VisitAsync("/c/eclair/notes"));
        Assert.Equal("Page introuvable", await admin.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation du réseau Cluster ECLAIR" }).GetByRole(AriaRole.Link, new() { Name = "Notes" }).CountAsync());
        Assert.DoesNotContain(admin.Problems, p => !p.Contains("/c/eclair/notes", StringComparison.Ordinal));
    }
}
