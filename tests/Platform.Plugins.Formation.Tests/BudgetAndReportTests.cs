using System.Globalization;
using System.Net;
using System.Text;

namespace Platform.Plugins.Formation.Tests;

/// <summary>The envelope is never exceeded; the report shares what was spent among networks and companies.</summary>
public sealed class BudgetAndReportTests(FormationHost host) : IClassFixture<FormationHost>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await host.EnableAsync(FormationHost.Carrier);
        await host.EnableAsync("prod-iaa");
        await host.EnableAsync("sotra");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Session_ThatWouldExceedTheEnvelope_IsRefused_AndNothingIsStored()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 5_000m, ["prod-iaa"], "Bilan carbone");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, member, 2_000m);

        Assert.Equal(HttpStatusCode.Redirect, (await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(20), TimeSpan.FromDays(7))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(27), TimeSpan.FromDays(7))).StatusCode);
        var third = await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(34), TimeSpan.FromDays(7));

        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        var text = WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()).Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Contains("Budget dépassé", text, StringComparison.Ordinal);
        Assert.Contains("6 000 €", text, StringComparison.Ordinal);
        Assert.Contains("reste 1 000 €", text, StringComparison.Ordinal);
        Assert.Equal(2L, await host.ScalarAsync<long>("select count(*) from formation_sessions where programmeid = $p", ("$p", id)));
    }

    [Fact]
    public async Task ConcurrentSessions_NeverCommitMoreThanTheEnvelope()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 10_000m, ["prod-iaa"], "Espagnol");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, member, 3_000m);

        var statuses = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
            (await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(20 + i), TimeSpan.FromDays(7))).StatusCode));

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(900_000L, await host.ScalarAsync<long>("select sum(costcents) from formation_sessions where programmeid = $p", ("$p", id)));
    }

    [Fact]
    public async Task Report_SharesSpendingAmongPresentTrainees_PerNetworkAndCompany()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var claire = await host.SignInAsMemberAsync("prod-iaa");
        using var julien = await host.SignInAsMemberAsync("sotra");
        var id = await host.CreateProgrammeAsync(animator, 50_000m, ["prod-iaa", "sotra"], "Éco-conception");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, claire, 3_000m, hours: 21);

        // One session of 3 000 €: two PROD'IAA trainees (one absent) and two SOTRA ones, all present.
        Assert.Equal(HttpStatusCode.Redirect, (await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(10), TimeSpan.FromDays(20))).StatusCode);
        var session = await host.LastSessionIdAsync(id);
        foreach (var (who, network, name) in new[] { (claire, "prod-iaa", "Léa Dupuy"), (claire, "prod-iaa", "Absent Absente"), (julien, "sotra", "Louis Labat"), (julien, "sotra", "Jules Pujol") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await host.EnrolAsync(who, network, session, name)).StatusCode);
        }

        host.Clock!.Advance(TimeSpan.FromDays(11));
        using var animatorLater = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        var present = (await host.QueryAsync("select id from formation_enrolments where sessionid = $s and traineename <> 'Absent Absente'", ("$s", session)))
            .Select(r => new KeyValuePair<string, string>("present", Convert.ToString(r["Id"], CultureInfo.InvariantCulture)!));
        Assert.Equal(HttpStatusCode.Redirect, (await animatorLater.PostFieldsAsync(host.Url($"/sessions/{session}?handler=Attendance"), present, host.Url($"/sessions/{session}"))).StatusCode);

        var csv = await animatorLater.Client.GetAsync(host.Url($"/programmes/{id}/bilan?handler=Csv"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(';')).ToList();
        Assert.Equal(["Niveau", "Réseau", "Entreprise", "Stagiaires", "Heures de formation", "Modules", "Dépenses (€)"], lines[0]);

        // 3 000 € among 3 present trainees: 1 000 € each; 21 hours each.
        var networks = lines.Where(l => l[0] == "Réseau").ToDictionary(l => l[1]);
        Assert.Equal(["1", "21", "1000,00"], [networks["PROD'IAA"][3], networks["PROD'IAA"][4], networks["PROD'IAA"][6]]);
        Assert.Equal(["2", "42", "2000,00"], [networks["SOTRA"][3], networks["SOTRA"][4], networks["SOTRA"][6]]);
        Assert.Equal(["0", "0", "0,00"], [networks["Cluster Fruits et légumes / nutrition santé"][3], networks["Cluster Fruits et légumes / nutrition santé"][4], networks["Cluster Fruits et légumes / nutrition santé"][6]]);
        var companies = lines.Where(l => l[0] == "Entreprise").ToDictionary(l => l[2]);
        Assert.Equal(["1", "21", "1", "1000,00"], companies["Conserverie du Pays d'Albret"][3..]);
        Assert.Equal(["2", "42", "1", "2000,00"], companies["Menuiserie Lavardac"][3..]);
        var total = lines.Single(l => l[0] == "Total");
        Assert.Equal(["3", "63", "1", "3000,00"], total[3..]);

        // The printable page shows the same figures.
        var (_, page) = await animatorLater.GetPageAsync(host.Url($"/programmes/{id}/bilan"));
        Assert.StartsWith("3 ", page.QuerySelector("#report-totals [data-trainees]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("63", page.QuerySelector("#report-totals [data-hours]")?.TextContent.Trim());
        Assert.Equal("2 000 €", page.QuerySelector("#report-networks tr[data-network='sotra'] [data-spent]")?.TextContent.Trim().Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }
}
