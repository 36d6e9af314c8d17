using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>The real runtime, loading the fixture plugins from disk: good and broken ones side by side.</summary>
[Collection(SharedHost.Name)]
public sealed class PluginRuntimeTests(SharedHostFactory factory)
{
    [Theory]
    [InlineData("Notes", PluginStatus.Loaded, null)]
    [InlineData("CtorThrows", PluginStatus.Faulted, "constructeur : InvalidOperationException: panne dans le constructeur")]
    [InlineData("ModuleThrows", PluginStatus.Faulted, "module Autofac : InvalidOperationException: panne dans Module.Load")]
    [InlineData("OtherContract", PluginStatus.Incompatible, "compilé contre Platform.Abstractions 2.0, la plateforme fournit 1.1")]
    [InlineData("StrayPage", PluginStatus.Incompatible, "pages hors de /Areas/StrayPage/ : /Pages/Hijack.cshtml")]
    public async Task Startup_WithEveryFixture_GivesEachItsStatusAndReason(string id, PluginStatus status, string? reason)
    {
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var (response, page) = await admin.GetPageAsync("/admin/modules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/admin/modules/{id.ToLowerInvariant()}");
        Assert.Contains(status.ToFrench(), row.TextContent, StringComparison.Ordinal);
        if (reason is null)
        {
            Assert.Null(row.QuerySelector("td:nth-child(3) .small"));
        }
        else
        {
            Assert.Contains(reason, row.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PluginPage_ServedOnlyWhereEnabled_WithoutRestart()
    {
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/c/etic/notes")).StatusCode);

        var enable = await admin.PostFormAsync("/admin/modules/notes?handler=Enable", new() { ["network"] = "etic" }, formPage: "/admin/modules/notes");
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);

        var (response, page) = await admin.GetPageAsync("/c/etic/notes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Inside the host layout: the host's navigation bar, the network bar with the plugin's entry.
        Assert.NotNull(page.QuerySelector("nav[aria-label='Navigation principale']"));
        Assert.Equal("Notes du réseau eTIC", page.QuerySelector("h1")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/c/etic/notes" && a.TextContent == "Notes");
        // The enable event reached the plugin's handler, which wrote through the plugin's own DbContext.
        Assert.Contains("Bienvenue dans les notes du réseau.", page.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
        // Another network still does not have it.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/c/ciel/notes")).StatusCode);
        var (_, cielHome) = await admin.GetPageAsync("/c/ciel");
        Assert.DoesNotContain(cielHome.QuerySelectorAll("nav a"), a => a.TextContent == "Notes");

        var disable = await admin.PostFormAsync("/admin/modules/notes?handler=Disable", new() { ["network"] = "etic" }, formPage: "/admin/modules/notes");
        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/c/etic/notes")).StatusCode);

        var (_, details) = await admin.GetPageAsync("/admin/modules/notes");
        var history = details.QuerySelectorAll("li").Select(li => li.TextContent).Where(t => t.Contains("pour eTIC", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, h => Assert.Contains(DemoSeeder.AdminEmail, h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PluginPage_PostsWithAntiforgeryAndWritesItsOwnTables()
    {
        await EnableAsync("promobois");
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[0].Email);

        var withoutToken = await member.Client.PostAsync("/c/promobois/notes", new FormUrlEncodedContent([new("text", "sans jeton")]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var posted = await member.PostFormAsync("/c/promobois/notes/index", new() { ["text"] = "Commande groupée de granulés" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, page) = await member.GetPageAsync("/c/promobois/notes");
        Assert.Contains("Commande groupée de granulés", page.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("sans jeton", page.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageOutsideItsArea_IsNeverServed()
    {
        using var client = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hijack")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/sotra/straypage")).StatusCode);
    }

    [Fact]
    public async Task PluginStaticFiles_AreServedUnderContentPrefix()
    {
        using var client = factory.CreateBrowser();
        var response = await client.GetAsync("/_content/Notes/notes.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".notes-heading", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingPluginPage_Gives503AndOpensItsCircuit_WhileTheSiteKeepsAnswering()
    {
        await EnableAsync("adebag");
        await EnableAsync("demain");
        using var client = factory.CreateBrowser();

        var first = await client.GetAsync("/c/adebag/notes/boom");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Contains("Module temporairement indisponible", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        for (var i = 0; i < 6; i++)
        {
            await client.GetAsync("/c/adebag/notes/boom");
        }

        // The circuit of Notes in ADEBAG is open: its healthy page is refused too…
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/c/adebag/notes")).StatusCode);
        // …while the same plugin in another network, and the host, keep answering.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/c/demain/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/reseaux")).StatusCode);
    }

    [Fact]
    public async Task NetworkHome_ListsEnabledPluginsOnly_AndUnknownNetworkIs404()
    {
        await EnableAsync("sotra");
        using var client = factory.CreateBrowser();
        var session = new BrowserSession(client);

        var (response, page) = await session.GetPageAsync("/c/sotra");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Notes de réseau", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, other) = await session.GetPageAsync("/c/gascogne-environnement");
        Assert.Contains("Aucun module n'est activé pour ce réseau.", other.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/reseau-inconnu")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/reseau-inconnu/notes")).StatusCode);
    }

    [Fact]
    public async Task EnablingAFaultedPlugin_IsRefusedAndChangesNothing()
    {
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var response = await admin.PostFormAsync("/admin/modules/ctorthrows?handler=Enable", new() { ["network"] = "ciel" }, formPage: "/admin/modules/ctorthrows");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ne peut pas être activé", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var networks = await scope.ServiceProvider.GetRequiredService<PluginEnablementService>().NetworksOfAsync("CtorThrows");
        Assert.Empty(networks);
    }

    [Fact]
    public async Task EnablingForAnUnknownNetwork_GivesAFrenchError()
    {
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var response = await admin.PostFormAsync("/admin/modules/notes?handler=Enable", new() { ["network"] = "../../etc" }, formPage: "/admin/modules/notes");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Réseau inconnu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task EnableAsync(string network)
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<PluginEnablementService>().SetAsync("notes", network, true, "test");
        Assert.Contains(result, new[] { EnablementChange.Changed, EnablementChange.Unchanged });
    }
}
