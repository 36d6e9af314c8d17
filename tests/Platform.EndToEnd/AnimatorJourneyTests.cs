using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Platform.EndToEnd;

/// <summary>The animator of PROD'IAA: an event for the network, members imported from CSV, a group purchase.</summary>
[Collection(BrowserJourneys.Name)]
public sealed class AnimatorJourneyTests(BrowserFixture fixture)
{
    private const string Animator = "animateur.prod-iaa@demo.interclustering47.fr";

    [SkippableFact]
    public async Task Animator_CreatesAnEventForTheirNetwork_AndSeesItOnItsPage()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var animator = await Visitor.StartAsync(fixture, "animator-event");
        await animator.SignInAsync(Animator);

        await animator.VisitAsync("/agenda");
        await animator.Page.GetByRole(AriaRole.Link, new() { Name = "Créer un événement" }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal("Nouvel événement", await animator.Page.Locator("h1").InnerTextAsync());

        var day = DateTime.Today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = animator.Page;
        await page.GetByLabel("Titre").FillAsync("Atelier circuits courts en restauration collective");
        await page.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Atelier" });
        await page.GetByLabel("Lieu").FillAsync("Agropole, Estillac");
        await page.GetByLabel("Début : date").FillAsync(day);
        await page.GetByLabel("Début : heure").FillAsync("14:00");
        await page.GetByLabel("Fin (date vide : même jour) : heure").FillAsync("17:00");
        await page.GetByLabel("Description").FillAsync("Comment les conserveries du département fournissent les cantines.");
        await page.GetByLabel("Programme").FillAsync("14h Témoignages\n15h30 Ateliers");
        await page.GetByLabel("Nombre de places (vide : sans limite)").FillAsync("30");
        await page.GetByLabel("Tous les adhérents de la plateforme").CheckAsync();
        // The only network this animator runs is ticked already.
        Assert.True(await page.GetByLabel("PROD'IAA").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/agenda/\d+$"));
        await animator.CheckPageAsync();

        Assert.Equal("L'événement est publié dans l'agenda.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal("Atelier circuits courts en restauration collective", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("0/30 places", await page.Locator("#seats").InnerTextAsync());
        Assert.Contains("14 h", await page.Locator("#event-date").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "PROD'IAA" }).CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Animation" }).IsVisibleAsync());

        Assert.True(animator.Problems.Count == 0, string.Join("\n", animator.Problems));
    }

    [SkippableFact]
    public async Task Animator_ImportsMembersFromCsv_AFileWithAnErrorFirst_ThenAGoodOne()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var animator = await Visitor.StartAsync(fixture, "animator-import");
        await animator.SignInAsync(Animator);
        var page = animator.Page;

        await animator.VisitAsync("/annuaire/reseaux/prod-iaa");
        var totals = await page.Locator("#network-totals").InnerTextAsync();

        // The second company's SIREN fails its check digit: the whole file is refused.
        await animator.VisitAsync("/annuaire/reseaux/prod-iaa/import");
        await page.GetByLabel("Fichier CSV (2 Mo au plus)").SetInputFilesAsync(Csv(
            "Raison sociale;SIREN;Commune;Effectif",
            "Biscuiterie du Confluent;474700010;Agen;12",
            "Tonnellerie de l'Albret;123456789;Nérac;8"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await animator.CheckPageAsync();
        var errors = await page.Locator("#import-errors").InnerTextAsync();
        Assert.Contains("Aucune ligne n'est importée tant que le fichier contient une erreur.", errors, StringComparison.Ordinal);
        Assert.Contains("Ligne 3 : le SIREN « 123456789 » n'est pas valide", errors, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#import-preview").CountAsync());

        await animator.VisitAsync("/annuaire/reseaux/prod-iaa");
        Assert.Equal(totals, await page.Locator("#network-totals").InnerTextAsync());

        // Corrected, it is previewed, then imported.
        await animator.VisitAsync("/annuaire/reseaux/prod-iaa/import");
        await page.GetByLabel("Fichier CSV (2 Mo au plus)").SetInputFilesAsync(Csv(
            "Raison sociale;SIREN;Commune;Effectif",
            "Biscuiterie du Confluent;474700010;Agen;12",
            "Tonnellerie de l'Albret;474700028;Nérac;8"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await animator.CheckPageAsync();
        var preview = page.Locator("#import-preview");
        Assert.Contains("2 ligne(s) valide(s)", await preview.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await preview.GetByRole(AriaRole.Cell, new() { Name = "Tonnellerie de l'Albret" }).CountAsync());

        // The confirmation dialog is accepted by the visitor.
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer ces 2 ligne(s)" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/annuaire/reseaux/prod-iaa", StringComparison.Ordinal));
        await animator.CheckPageAsync();
        Assert.Equal("Import terminé : 2 entreprise(s) créée(s), 2 adhésion(s) ajoutée(s) au réseau.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.NotEqual(totals, await page.Locator("#network-totals").InnerTextAsync());

        Assert.True(animator.Problems.Count == 0, string.Join("\n", animator.Problems));
    }

    [SkippableFact]
    public async Task Animator_PreparesAGroupPurchase_ThenOpensIt()
    {
        Skip.IfNot(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.ChromiumPath} (.ci/run installs it).");
        await using var animator = await Visitor.StartAsync(fixture, "animator-purchasing");
        await animator.SignInAsync(Animator);
        var page = animator.Page;

        await animator.VisitAsync("/achats");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel achat groupé" }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal("Nouvel achat groupé", await page.Locator("h1").InnerTextAsync());

        await page.GetByLabel("Intitulé").FillAsync("Bocaux en verre 370 ml");
        await page.GetByLabel("Description").FillAsync("Bocaux à couvercle twist-off, livrés sur palette à Agen.");
        await page.GetByLabel("Unité").FillAsync("palette");
        await page.GetByLabel("Minimum pour avoir lieu").FillAsync("20");
        await page.GetByLabel("Palier 1 : à partir de").FillAsync("0");
        await page.GetByLabel("Palier 1 : prix unitaire").FillAsync("410");
        await page.GetByLabel("Palier 2 : à partir de").FillAsync("40");
        await page.GetByLabel("Palier 2 : prix unitaire").FillAsync("365,50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/achats/\d+$"));
        await animator.CheckPageAsync();
        Assert.Equal("Bocaux en verre 370 ml", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Brouillon", await page.Locator("[data-status]").InnerTextAsync());

        // The confirmation dialog is accepted by the visitor.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await animator.CheckPageAsync();
        Assert.Equal("Ouvert", await page.Locator("[data-status]").InnerTextAsync());
        Assert.Contains("0 palette engagés sur un minimum de 20 palette", await page.Locator("[data-progress]").InnerTextAsync(), StringComparison.Ordinal);

        Assert.True(animator.Problems.Count == 0, string.Join("\n", animator.Problems));
    }

    private static FilePayload Csv(params string[] lines) => new()
    {
        Name = "adherents.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"),
    };
}
