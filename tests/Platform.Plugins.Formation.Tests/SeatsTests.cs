using System.Net;

namespace Platform.Plugins.Formation.Tests;

/// <summary>Seats reserved per network until the release date, then open to all; never more enrolments than seats.</summary>
public sealed class SeatsTests(FormationHost host) : IClassFixture<FormationHost>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await host.EnableAsync(FormationHost.Carrier);
        await host.EnableAsync("prod-iaa");
        await host.EnableAsync("sotra");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReservedSeats_AreKeptForTheirNetwork_UntilTheReleaseDate()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var claire = await host.SignInAsMemberAsync("prod-iaa");
        using var julien = await host.SignInAsMemberAsync("sotra");
        var id = await host.CreateProgrammeAsync(animator, 50_000m, ["prod-iaa", "sotra"], "Prospection commerciale");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, claire, 2000m, min: 2, max: 10);

        // 4 seats: 2 kept for PROD'IAA, 2 for SOTRA, none open to all before the release date.
        Assert.Equal(HttpStatusCode.Redirect, (await host.PlanSessionAsync(animator, id, moduleId, 4, TimeSpan.FromDays(30), TimeSpan.FromDays(10), ("prod-iaa", 2), ("sotra", 2))).StatusCode);
        var session = await host.LastSessionIdAsync(id);

        Assert.Equal(HttpStatusCode.Redirect, (await host.EnrolAsync(claire, "prod-iaa", session, "Léa Dupuy")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.EnrolAsync(claire, "prod-iaa", session, "Hugo Lafon")).StatusCode);
        var third = await host.EnrolAsync(claire, "prod-iaa", session, "Inès Castaing");
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("Les places réservées à votre réseau sont toutes prises", WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // SOTRA's seats are still there for SOTRA.
        Assert.Equal(HttpStatusCode.Redirect, (await host.EnrolAsync(julien, "sotra", session, "Louis Labat")).StatusCode);

        // After the release date, SOTRA's unused seat opens to PROD'IAA.
        host.Clock!.Advance(TimeSpan.FromDays(21));
        using var claireLater = await host.SignInAsMemberAsync("prod-iaa");
        using var julienLater = await host.SignInAsMemberAsync("sotra");
        Assert.Equal(HttpStatusCode.Redirect, (await host.EnrolAsync(claireLater, "prod-iaa", session, "Inès Castaing")).StatusCode);
        var full = await host.EnrolAsync(julienLater, "sotra", session, "Jules Pujol");
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("La session est complète", WebUtility.HtmlDecode(await full.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var seats = await host.QueryAsync("select n.slug as network, e.seat as seat, count(*) as n from formation_enrolments e join Networks n on n.id = e.networkid where e.sessionid = $s group by n.slug, e.seat order by n.slug, e.seat", ("$s", session));
        Assert.Equal(
            ["prod-iaa Reserved 2", "prod-iaa Open 1", "sotra Reserved 1"],
            seats.Select(r => $"{r["network"]} {((long)r["seat"]! == 0 ? "Reserved" : "Open")} {r["n"]}"));

        // The page shows each network's part: PROD'IAA 2 of 2 reserved seats taken, SOTRA 1 of 2.
        using var animatorLater = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        var (_, page) = await animatorLater.GetPageAsync(host.Url($"/programmes/{id}"));
        Assert.Equal("100 %", page.QuerySelector("#fill-rates tr[data-network='prod-iaa'] td:nth-child(4)")?.TextContent.Trim().Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("50 %", page.QuerySelector("#fill-rates tr[data-network='sotra'] td:nth-child(4)")?.TextContent.Trim().Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task ConcurrentEnrolments_NeverExceedTheSeats()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var claire = await host.SignInAsMemberAsync("prod-iaa");
        var id = await host.CreateProgrammeAsync(animator, 50_000m, ["prod-iaa"], "Anglais professionnel");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, claire, 2000m, min: 2, max: 12);
        Assert.Equal(HttpStatusCode.Redirect, (await host.PlanSessionAsync(animator, id, moduleId, 12, TimeSpan.FromDays(30), TimeSpan.FromDays(40))).StatusCode);
        var session = await host.LastSessionIdAsync(id);

        var (_, page) = await claire.GetPageAsync(host.Url($"/sessions/{session}", "prod-iaa"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var attempts = Enumerable.Range(1, 30).Select(async i =>
        {
            using var content = new FormUrlEncodedContent([new("Trainee.Name", $"Stagiaire {i:00}"), new("__RequestVerificationToken", token)]);
            return (await claire.Client.PostAsync(host.Url($"/sessions/{session}?handler=Enrol", "prod-iaa"), content)).StatusCode;
        });
        var statuses = await Task.WhenAll(attempts);

        Assert.Equal(12, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(18, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(12L, await host.ScalarAsync<long>("select count(*) from formation_enrolments where sessionid = $s", ("$s", session)));
    }
}
