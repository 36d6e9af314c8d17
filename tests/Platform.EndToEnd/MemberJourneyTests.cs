using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Platform.EndToEnd;

/// <summary>
/// A member of PROD'IAA, the fruits and vegetables cluster and GASCOGNE ENVIRONNEMENT (the demo
/// cannery): the directory, the agenda and its personal feed, a group purchase.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class MemberJourneyTests(BrowserFixture fixture)
{
    private const string Member = "membre.conserverie@demo.interclustering47.fr";

    [SkippableFact]
    public async Task Member_SearchesTheDirectory_AndSeesComplementaryCompanies()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var member = await Visitor.StartAsync(fixture, "member-directory");
        await member.SignInAsync(Member);

        await member.VisitAsync("/annuaire");
        await member.Page.GetByRole(AriaRole.Searchbox, new() { Name = "Rechercher" }).FillAsync("conserverie");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        await member.Page.WaitForURLAsync(url => url.Contains("q=conserverie", StringComparison.Ordinal));
        await member.CheckPageAsync();
        Assert.Matches(new Regex(@"\d+ entreprises? trouvées?"), await member.Page.Locator("#result-count").InnerTextAsync());

        var results = member.Page.Locator("#company-results");
        await results.GetByRole(AriaRole.Link, new() { Name = "Conserverie du Pays d'Albret" }).ClickAsync();
        await member.CheckPageAsync();
        Assert.Equal("Conserverie du Pays d'Albret", await member.Page.Locator("h1").InnerTextAsync());
        Assert.True(await member.Page.GetByRole(AriaRole.Heading, new() { Name = "Entreprises complémentaires dans d'autres réseaux" }).IsVisibleAsync());
        Assert.Contains("PROD'IAA", await member.Page.Locator("#company-networks").InnerTextAsync(), StringComparison.Ordinal);

        // A suggested company, when there is one, opens on its own page.
        var suggestions = member.Page.Locator("#suggestion-list > li > a.fw-semibold");
        if (await suggestions.CountAsync() > 0)
        {
            var name = await suggestions.First.InnerTextAsync();
            await suggestions.First.ClickAsync();
            await member.CheckPageAsync();
            Assert.Equal(name, await member.Page.Locator("h1").InnerTextAsync());
        }

        Assert.True(member.Problems.Count == 0, string.Join("\n", member.Problems));
    }

    [SkippableFact]
    public async Task Member_RegistersForAnEvent_AndFindsThePersonalCalendarFeed()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var member = await Visitor.StartAsync(fixture, "member-agenda");
        await member.SignInAsync(Member);

        // The events of one of the member's own networks are open to them, whatever their audience.
        await member.VisitAsync("/agenda");
        // The filter's list is loaded by the page's script (the site lists 5 networks at most in the page).
        await Assertions.Expect(member.Page.Locator("select#reseau[data-options-loaded] option")).ToHaveCountAsync(19);
        await member.Page.GetByLabel("Réseau").SelectOptionAsync(new SelectOptionValue { Label = "PROD'IAA" });
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await member.Page.WaitForURLAsync(url => url.Contains("reseau=prod-iaa", StringComparison.Ordinal));
        await member.CheckPageAsync();
        var links = await member.Page.Locator("article.agenda-event h2 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(links);

        string? registeredTitle = null;
        foreach (var link in links)
        {
            await member.VisitAsync(link);
            var register = member.Page.GetByRole(AriaRole.Button, new() { Name = "S'inscrire" });
            if (await register.CountAsync() == 0 || await member.Page.GetByText("L'événement est complet").CountAsync() > 0)
            {
                continue;
            }

            registeredTitle = await member.Page.Locator("h1").InnerTextAsync();
            await member.Page.GetByLabel("Collègues qui vous accompagnent").FillAsync("1");
            await register.ClickAsync();
            await member.CheckPageAsync();
            break;
        }

        Assert.NotNull(registeredTitle);
        Assert.Equal("Votre inscription est confirmée.", await member.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Vous êtes inscrit (2 places).", await member.Page.Locator("#my-registration").InnerTextAsync());

        await member.VisitAsync("/agenda");
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Mes inscriptions" }).ClickAsync();
        await member.CheckPageAsync();
        Assert.Equal("Mes inscriptions", await member.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(1, await member.Page.Locator("#my-registrations").GetByRole(AriaRole.Link, new() { Name = registeredTitle, Exact = true }).CountAsync());

        var feedUrl = await member.Page.GetByLabel("Adresse secrète").InputValueAsync();
        Assert.Matches(new Regex(@"^http://127\.0\.0\.1:\d+/agenda/flux/[^/]+\.ics$"), feedUrl);
        var feed = await member.Page.APIRequest.GetAsync(feedUrl);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync(), StringComparison.Ordinal);

        Assert.True(member.Problems.Count == 0, string.Join("\n", member.Problems));
    }

    [SkippableFact]
    public async Task Member_JoinsTheWaitlistOfAFullEvent()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");

        // An animator publishes a one-seat event open to every member; another company takes the seat.
        string eventUrl;
        await using (var animator = await Visitor.StartAsync(fixture, "member-waitlist-setup"))
        {
            await animator.SignInAsync("animateur.prod-iaa@demo.interclustering47.fr");
            await animator.VisitAsync("/agenda/nouveau");
            await animator.Page.GetByLabel("Titre").FillAsync("Visite de la légumerie de Sainte-Livrade");
            await animator.Page.GetByLabel("Début : date").FillAsync(DateTime.Today.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await animator.Page.GetByLabel("Début : heure").FillAsync("10:00");
            await animator.Page.GetByLabel("Fin (date vide : même jour) : heure").FillAsync("12:00");
            await animator.Page.GetByLabel("Nombre de places (vide : sans limite)").FillAsync("1");
            await animator.Page.GetByLabel("Tous les adhérents de la plateforme").CheckAsync();
            await animator.Page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
            await animator.Page.WaitForURLAsync(new Regex(@"/agenda/\d+$"));
            await animator.CheckPageAsync();
            eventUrl = new Uri(animator.Page.Url).AbsolutePath;
            Assert.True(animator.Problems.Count == 0, string.Join("\n", animator.Problems));
        }

        await using (var other = await Visitor.StartAsync(fixture, "member-waitlist-other"))
        {
            await other.SignInAsync("membre.menuiserie@demo.interclustering47.fr");
            await other.VisitAsync(eventUrl);
            await other.Page.GetByRole(AriaRole.Button, new() { Name = "S'inscrire" }).ClickAsync();
            await other.CheckPageAsync();
            Assert.Equal("Votre inscription est confirmée.", await other.Page.GetByRole(AriaRole.Status).InnerTextAsync());
            Assert.True(other.Problems.Count == 0, string.Join("\n", other.Problems));
        }

        await using var member = await Visitor.StartAsync(fixture, "member-waitlist");
        await member.SignInAsync(Member);
        await member.VisitAsync(eventUrl);
        Assert.Equal("1/1 places", await member.Page.Locator("#seats").InnerTextAsync());
        Assert.True(await member.Page.GetByText("L'événement est complet : votre inscription ira sur la liste d'attente.").IsVisibleAsync());
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "S'inscrire" }).ClickAsync();
        await member.CheckPageAsync();
        Assert.StartsWith("L'événement est complet : vous êtes sur la liste d'attente.", await member.Page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Vous êtes sur la liste d'attente, en position 1", await member.Page.Locator("#my-registration").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(member.Problems.Count == 0, string.Join("\n", member.Problems));
    }

    [SkippableFact]
    public async Task Member_PledgesInAGroupPurchase_SeesTheProgressMove_ThenWithdraws()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var member = await Visitor.StartAsync(fixture, "member-purchasing");
        await member.SignInAsync(Member);

        await member.VisitAsync("/achats");
        await member.Page.GetByRole(AriaRole.Link, new() { Name = "Cartons d'expédition recyclés" }).ClickAsync();
        await member.CheckPageAsync();
        Assert.Equal("Cartons d'expédition recyclés", await member.Page.Locator("h1").InnerTextAsync());
        var progress = member.Page.Locator("[data-progress]");
        var before = await progress.InnerTextAsync();

        // The demo company may already have pledged: then the button reads « Modifier ».
        await member.Page.GetByLabel("Quantité (carton)").FillAsync("1500");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "M'engager" }).Or(member.Page.GetByRole(AriaRole.Button, new() { Name = "Modifier" })).ClickAsync();
        await member.CheckPageAsync();
        Assert.Contains("est accepté", await member.Page.GetByRole(AriaRole.Status).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^1\s?500 carton · Accepté"), await member.Page.Locator("[data-my-pledge]").InnerTextAsync());
        var pledged = await progress.InnerTextAsync();
        Assert.NotEqual(before, pledged);

        // The confirmation dialog is accepted by the visitor.
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "Retirer mon engagement" }).ClickAsync();
        await member.CheckPageAsync();
        Assert.Equal("Votre engagement est retiré.", await member.Page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.NotEqual(pledged, await progress.InnerTextAsync());
        Assert.Equal(0, await member.Page.Locator("[data-my-pledge]").CountAsync());
        Assert.Equal(1, await member.Page.GetByRole(AriaRole.Button, new() { Name = "M'engager" }).CountAsync());

        Assert.True(member.Problems.Count == 0, string.Join("\n", member.Problems));
    }
}
