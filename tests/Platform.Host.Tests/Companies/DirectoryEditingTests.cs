using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

[Collection(SharedHost.Name)]
public sealed class DirectoryEditingTests(SharedHostFactory factory)
{
    private const string Header = "Raison sociale;SIREN;SIRET;Code NAF;Commune;Effectif;Savoir-faire;E-mail";

    [Fact]
    public async Task ValidCsv_IsPreviewedThenImported_DeduplicatedBySiren()
    {
        var conserverie = await CompanyAsync("Conserverie du Pays d'Albret");
        var (sirenA, siretA) = NewSiren("4701");
        var (sirenB, _) = NewSiren("4702");
        var csv = $"""
            {Header}
            Fournil des Serres;{sirenA};{siretA};10.71C;Penne-d'Agenais;4;"pain au levain, farine; bio";contact@fournil.example
            Moulin de Sauvagnas;{sirenB[..3]} {sirenB[3..6]} {sirenB[6..]};;10.61A;laplume;12;meunerie;
            Conserverie renommée dans le fichier;{conserverie.Siren};;;;;;
            """;
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("pain-bio-local"));

        var preview = await animator.PostFormAsync("/annuaire/reseaux/pain-bio-local/import?handler=Preview", new() { ["CsvText"] = csv }, formPage: "/annuaire/reseaux/pain-bio-local/import");
        var previewPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Contains("2 nouvelle(s) entreprise(s)", previewPage.QuerySelector("#import-preview")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await FindAsync("Fournil des Serres"));

        var confirmed = await animator.PostFormAsync("/annuaire/reseaux/pain-bio-local/import?handler=Confirm", new() { ["CsvText"] = csv }, formPage: "/annuaire/reseaux/pain-bio-local/import");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var (_, network) = await animator.GetPageAsync("/annuaire/reseaux/pain-bio-local");
        Assert.Contains("2 entreprise(s) créée(s), 3 adhésion(s) ajoutée(s)", network.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var fournil = (await FindAsync("Fournil des Serres"))!;
        Assert.Equal("pain au levain, farine; bio", fournil.Skills);
        Assert.Equal(("47140", "Boulangerie et boulangerie-pâtisserie"), (fournil.PostalCode, fournil.NafLabel));
        Assert.Equal("Laplume", (await FindAsync("Moulin de Sauvagnas"))!.Commune);
        // The company already in the directory joined the network, kept its profile, and is still one row.
        var after = await CompanyAsync("Conserverie du Pays d'Albret");
        Assert.Contains(after.Memberships, m => m.Network!.Slug == "pain-bio-local");
        Assert.Equal(conserverie.Description, after.Description);
        Assert.Null(await FindAsync("Conserverie renommée dans le fichier"));
    }

    [Fact]
    public async Task InvalidCsv_IsRefusedWithLineNumbers_AndImportsNothing()
    {
        var (siren, siret) = NewSiren("4703");
        var badSiret = siret[..13] + (char)('0' + ((siret[13] - '0' + 1) % 10));
        var csv = $"""
            {Header}
            Vergers Invalides;{siren};;01.24Z;Agen;8;;
            Scierie Invalide;{NewSiren("4704").Siren};{badSiret};16.10A;Bordeaux;douze;;pas-une-adresse
            Doublon;{siren};;;;;;
            ;;;;;;;
            """;
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("pain-bio-local"));
        var before = await CountCompaniesAsync();

        foreach (var handler in new[] { "Preview", "Confirm" })
        {
            var response = await animator.PostFormAsync($"/annuaire/reseaux/pain-bio-local/import?handler={handler}", new() { ["CsvText"] = csv }, formPage: "/annuaire/reseaux/pain-bio-local/import");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();
            Assert.Equal(2, errors.Count);
            Assert.StartsWith("Ligne 3 : l'effectif « douze » n'est pas un nombre entier de salariés ; le SIRET", errors[0], StringComparison.Ordinal);
            Assert.Contains("« Bordeaux » n'est pas une commune de Lot-et-Garonne", errors[0], StringComparison.Ordinal);
            Assert.Contains("l'adresse « pas-une-adresse » n'est pas valide", errors[0], StringComparison.Ordinal);
            Assert.Equal($"Ligne 4 : le SIREN {siren} figure déjà ligne 2.", errors[1]);
            Assert.Null(page.QuerySelector("#import-preview"));
        }

        Assert.Equal(before, await CountCompaniesAsync());
        Assert.Null(await FindAsync("Vergers Invalides"));
    }

    [Fact]
    public async Task OversizedImport_IsRefusedWithoutAnError()
    {
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("pain-bio-local"));
        var huge = Header + "\n" + string.Concat(Enumerable.Repeat("Ligne trop longue;;;;;;;\n", 250_000));

        var response = await animator.PostFormAsync("/annuaire/reseaux/pain-bio-local/import?handler=Preview", new() { ["CsvText"] = huge }, formPage: "/annuaire/reseaux/pain-bio-local/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await animator.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.", page.QuerySelector("#import-errors li")!.TextContent);
    }

    [Fact]
    public async Task Export_OpensInExcelFr_ForTheNetworksAnimatorsOnly()
    {
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("sotra"));
        var response = await animator.Client.GetAsync("/annuaire/reseaux/sotra?handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Raison sociale;SIREN;SIRET;Code NAF;Libellé NAF;Commune", lines[0], StringComparison.Ordinal);
        Assert.Equal(36 + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Menuiserie Lavardac;", StringComparison.Ordinal));
        // The file imports back as it is.
        Assert.Empty(CompanyCsv.Parse(Encoding.UTF8.GetString(bytes)).Errors);

        using var otherAnimator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("ciel"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherAnimator.Client.GetAsync("/annuaire/reseaux/sotra?handler=Export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAnimator.Client.GetAsync("/annuaire/reseaux/sotra/import")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAnimator.Client.GetAsync("/annuaire/reseaux/sotra/modifier")).StatusCode);
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[1].Email);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync("/annuaire/reseaux/sotra?handler=Export")).StatusCode);
    }

    [Fact]
    public async Task Member_EditsOwnCompany_AndSearchSeesItAtOnce()
    {
        var id = (await CompanyAsync("Menuiserie Lavardac")).Id;
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[1].Email);
        var fields = await FormFieldsAsync(member, $"/annuaire/entreprises/{id}/modifier");
        // The headcount stays: Menuiserie Lavardac counts in the brief's table (SOTRA, PROMOBOIS).
        fields["Input.Skills"] += ", réalité virtuelle";
        fields["Input.ContactPhone"] = "05 53 47 47 47";

        var saved = await member.PostFormAsync($"/annuaire/entreprises/{id}/modifier", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, details) = await member.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("La fiche a été enregistrée.", details.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(details.QuerySelector($"a[href='/annuaire/entreprises/{id}/modifier']"));
        var (_, results) = await member.GetPageAsync("/annuaire?q=realite+virtuelle");
        Assert.Contains(results.QuerySelectorAll("#company-results a"), a => a.TextContent == "Menuiserie Lavardac");
        Assert.Equal("05 53 47 47 47", (await CompanyAsync("Menuiserie Lavardac")).ContactPhone);
    }

    [Fact]
    public async Task Member_ChangesSkillsAndNeeds_AndTheCompanysSuggestionsFollowAtOnce()
    {
        var id = (await CompanyAsync("Menuiserie Lavardac")).Id;
        var url = $"/annuaire/entreprises/{id}";
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[1].Email);
        var (_, before) = await member.GetPageAsync(url);
        // Shown, hence kept by the suggestions cache.
        Assert.NotEmpty(before.QuerySelectorAll("#suggestion-list > li"));
        var original = await FormFieldsAsync(member, url + "/modifier");
        try
        {
            var fields = new Dictionary<string, string>(original) { ["Input.Skills"] = "xylophonie quantique", ["Input.Needs"] = "zythologie lunaire" };
            Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(url + "/modifier", fields)).StatusCode);

            var (_, after) = await member.GetPageAsync(url);
            Assert.Empty(after.QuerySelectorAll("#suggestion-list > li"));
            Assert.NotNull(after.QuerySelector("#no-suggestion"));
        }
        finally
        {
            var fields = await FormFieldsAsync(member, url + "/modifier");
            fields["Input.Skills"] = original["Input.Skills"];
            fields["Input.Needs"] = original["Input.Needs"];
            await member.PostFormAsync(url + "/modifier", fields);
        }

        var (_, restored) = await member.GetPageAsync(url);
        Assert.Equal(before.QuerySelectorAll("#suggestion-list > li").Length, restored.QuerySelectorAll("#suggestion-list > li").Length);
    }

    [Fact]
    public async Task Member_WithBadValues_GetsFrenchMessages_AndNothingChanges()
    {
        var before = await CompanyAsync("Menuiserie Lavardac");
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[1].Email);
        var fields = await FormFieldsAsync(member, $"/annuaire/entreprises/{before.Id}/modifier");
        fields["Input.Siret"] = "12345678901234";
        fields["HeadcountText"] = "beaucoup";

        var response = await member.PostFormAsync($"/annuaire/entreprises/{before.Id}/modifier", fields);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("L'effectif doit être un nombre entier de salariés.", page.QuerySelector("[data-valmsg-for=HeadcountText]")!.TextContent);

        fields["HeadcountText"] = before.Headcount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response = await member.PostFormAsync($"/annuaire/entreprises/{before.Id}/modifier", fields);
        page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Le SIRET « 12345678901234 » n'est pas valide", page.QuerySelector("[data-valmsg-for='Input.Siret']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Siret, (await CompanyAsync("Menuiserie Lavardac")).Siret);
    }

    [Fact]
    public async Task Member_CannotEditAnotherCompany()
    {
        var other = (await CompanyAsync("Conserverie du Pays d'Albret")).Id;
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[1].Email);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/annuaire/entreprises/{other}/modifier")).StatusCode);

        using var anonymous = factory.CreateBrowser();
        var response = await anonymous.GetAsync($"/annuaire/entreprises/{other}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Animator_EditsTheNetworkPage()
    {
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("machinisme-agricole"));
        var fields = await FormFieldsAsync(animator, "/annuaire/reseaux/machinisme-agricole/modifier");
        fields["Input.Labels"] = "Cluster 47 (2011)\r\nTrophée de l'innovation agricole";
        fields["Input.Website"] = "pas une adresse";
        var refused = await animator.PostFormAsync("/annuaire/reseaux/machinisme-agricole/modifier", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        fields["Input.Website"] = "https://machinisme.example";
        var saved = await animator.PostFormAsync("/annuaire/reseaux/machinisme-agricole/modifier", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await animator.GetPageAsync("/annuaire/reseaux/machinisme-agricole");
        Assert.Contains("Trophée de l'innovation agricole", page.QuerySelector("#network-labels")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#animator-tools"));
    }

    private static async Task<Dictionary<string, string>> FormFieldsAsync(BrowserSession session, string url)
    {
        var (_, page) = await session.GetPageAsync(url);
        var form = page.QuerySelector("main form")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name != "__RequestVerificationToken")
            {
                fields[name] = input is AngleSharp.Html.Dom.IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? "";
            }
        }

        return fields;
    }

    private static int _sequence;

    /// <summary>A fresh valid SIREN and SIRET, unlike any the demo generated (they start with 3 to 9).</summary>
    private static (string Siren, string Siret) NewSiren(string prefix)
    {
        var body = "1" + prefix + Interlocked.Increment(ref _sequence).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var siren = body + BusinessIdentifiers.CheckDigit(body);
        var siret = siren + "0001" + BusinessIdentifiers.CheckDigit(siren + "0001");
        return (siren, siret);
    }

    private async Task<Company?> FindAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name);
    }

    private async Task<Company> CompanyAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.AsNoTracking()
            .Include(c => c.Memberships).ThenInclude(m => m.Network).SingleAsync(c => c.Name == name);
    }

    private async Task<int> CountCompaniesAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.CountAsync();
    }
}
