using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Platform.EndToEnd;

/// <summary>
/// The Formation plugin's pages for the cluster that carries the demo programme: its animator decides on
/// a session under its minimum, plans a new one and reads the report; a member of a partner network
/// enrols an employee on a seat reserved for that network.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class FormationJourneyTests(BrowserFixture fixture)
{
    private const string Cluster = "fruits-legumes-nutrition-sante";

    [SkippableFact]
    public async Task Animator_PostponesAFlaggedSession_PlansANewOne_AndAMemberOfAPartnerNetworkEnrols()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var animator = await Visitor.StartAsync(fixture, "animator-formation");
        await animator.SignInAsync($"animateur.{Cluster}@demo.interclustering47.fr");
        var page = animator.Page;

        await animator.VisitAsync($"/c/{Cluster}");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation du réseau Cluster Fruits et légumes / nutrition santé" })
            .GetByRole(AriaRole.Link, new() { Name = "Formations" }).ClickAsync();
        await animator.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ADEC inter-clusters de Lot-et-Garonne" }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal("ADEC inter-clusters de Lot-et-Garonne", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("120 000 €", Normalise(await page.Locator("[data-budget]").InnerTextAsync()));
        Assert.Equal(7, await page.Locator("#fill-rates tbody tr").CountAsync());

        // The session under its minimum past its go/no-go date: postponed by two weeks.
        await page.Locator("#flagged a").ClickAsync();
        await animator.CheckPageAsync();
        Assert.True(await page.Locator("#needs-decision").IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Reporter", Exact = true }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal("La session est reportée ; les entreprises inscrites sont prévenues.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await page.Locator("#needs-decision").CountAsync());

        // A new session, published to the agenda.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal(0, await page.Locator("#flagged").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Planifier une session" }).ClickAsync();
        await animator.CheckPageAsync();
        await page.GetByLabel("Lieu").FillAsync("CCI de Lot-et-Garonne, Agen");
        await page.GetByLabel("Places", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel("PROD'IAA").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Planifier et publier dans l'agenda" }).ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        await animator.CheckPageAsync();
        Assert.StartsWith("0/8 places", await page.Locator("[data-seats]").InnerTextAsync(), StringComparison.Ordinal);
        var sessionId = SessionUrl().Match(page.Url).Groups[1].Value;

        await page.GetByRole(AriaRole.Link, new() { Name = "Bilan", Exact = true }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal("Bilan de l'action collective", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator("#report-companies tbody tr").CountAsync() > 10);
        Assert.True(animator.Problems.Count == 0, string.Join("\n", animator.Problems));

        // Claire Dubois enrols an employee through PROD'IAA, on one of its two reserved seats.
        await using var member = await Visitor.StartAsync(fixture, "member-formation");
        await member.SignInAsync("membre.conserverie@demo.interclustering47.fr");
        await member.VisitAsync($"/c/prod-iaa/formation/sessions/{sessionId}");
        await member.Page.GetByLabel("Nom et prénom du salarié").FillAsync("Camille Lacoste");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Inscrire" }).ClickAsync();
        await member.CheckPageAsync();
        Assert.Equal("Camille Lacoste est inscrit(e) sur une place réservée à PROD'IAA.", await member.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.StartsWith("1/8 places", await member.Page.Locator("[data-seats]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Camille Lacoste", await member.Page.Locator("#my-trainees").InnerTextAsync(), StringComparison.Ordinal);

        // The agenda shows the session and sends registrations to the plugin's page.
        await member.VisitAsync("/agenda?type=formation");
        Assert.True(member.Problems.Count == 0, string.Join("\n", member.Problems));
    }

    private static string Normalise(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Trim();

    [GeneratedRegex(@"/formation/sessions/(\d+)$")]
    private static partial Regex SessionUrl();
}
