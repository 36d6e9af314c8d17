using System.Net;

namespace Platform.Plugins.Formation.Tests;

/// <summary>Demo mode: the brief's Sud Aquitaine figures, replayed as a programme of seven networks, and its sessions in the agenda.</summary>
public sealed class DemoDataTests(FormationHost host) : IClassFixture<FormationHost>
{
    [Fact]
    public async Task DemoProgramme_CarriesTheBriefsFigures()
    {
        var programme = (await host.QueryAsync(
            "select p.id as id, p.budgetcents as budget, p.targettrainees as target, n.slug as carrier from formation_programmes p join Networks n on n.id = p.carriernetworkid")).Single();
        Assert.Equal("fruits-legumes-nutrition-sante", programme["carrier"]);
        Assert.Equal(12_000_000L, programme["budget"]);
        Assert.Equal(650L, programme["target"]);
        var partners = (await host.QueryAsync("select n.slug as slug from formation_programme_partners p join Networks n on n.id = p.networkid order by n.slug")).Select(r => (string)r["slug"]!);
        Assert.Equal(["eclair", "etic", "gascogne-environnement", "inoo", "prod-iaa", "promobois"], partners);
        Assert.Equal(3L, await host.ScalarAsync<long>("select count(*) from formation_specifications"));
        Assert.Equal(12L, await host.ScalarAsync<long>("select count(*) from formation_modules"));
        Assert.Contains("Sud Management", (await host.QueryAsync("select distinct trainingbody as body from formation_modules")).Select(r => (string)r["body"]!));
        Assert.True(await host.ScalarAsync<long>("select sum(costcents) from formation_sessions where status <> 3") <= 12_000_000L);
        Assert.True(await host.ScalarAsync<long>("select count(*) from formation_need_responses") > 50);
    }

    [Fact]
    public async Task DemoSessionsToCome_AreInTheAgenda_WithRegistrationOnThePluginsPage()
    {
        var live = await host.QueryAsync("select id from formation_sessions where status in (0, 1)");
        var published = await host.QueryAsync("select ExternalKey, RegistrationUrl from AgendaEvents where Source = 'Formation'");
        Assert.Equal(live.Select(r => $"session-{r["Id"]}").Order(), published.Select(r => (string)r["ExternalKey"]!).Order());
        Assert.All(published, r => Assert.Equal($"/c/fruits-legumes-nutrition-sante/formation/sessions/{((string)r["ExternalKey"]!)["session-".Length..]}", r["RegistrationUrl"]));
    }

    [Fact]
    public async Task Dashboard_FlagsTheSessionUnderItsMinimum()
    {
        await host.EnableAsync("fruits-legumes-nutrition-sante");
        var id = await host.ScalarAsync<long>("select id from formation_programmes");
        using var animator = await host.SignInAsAnimatorAsync("fruits-legumes-nutrition-sante");
        var (response, page) = await animator.GetPageAsync(host.Url($"/programmes/{id}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(page.QuerySelectorAll("#flagged li"));
        Assert.Equal(7, page.QuerySelectorAll("#fill-rates tbody tr").Length);
    }
}
