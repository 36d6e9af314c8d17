using Platform.Host.Web;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

[Collection(SharedHost.Name)]
public sealed class AgendaPagesTests(SharedHostFactory factory)
{
    private static string Claire => DemoSeeder.Members[0].Email;   // prod-iaa, fruits-legumes, gascogne-environnement

    private static string Julien => DemoSeeder.Members[1].Email;   // promobois, sotra, eclair

    [Fact]
    public async Task Agenda_ShowsTheBriefsConference_OnTheNext15June_WithItsProgramme()
    {
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var (response, list) = await anonymous.GetPageAsync("/agenda?type=conference-debat");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = list.QuerySelectorAll("article").Single(a => a.TextContent.Contains(CalendarDemoSeeder.ConferenceTitle, StringComparison.Ordinal));
        var day = CalendarDemoSeeder.Next(DateOnly.FromDateTime(ParisTime.FromUtc(DateTime.UtcNow)), 6, 15);
        Assert.Contains($"15 juin {day.Year}, 17 h – 19 h 30", card.TextContent, StringComparison.Ordinal);
        Assert.All(list.QuerySelectorAll("article .badge.text-bg-secondary"), b => Assert.Equal("Conférence-débat", b.TextContent));

        var link = card.QuerySelector("h2 a")!.GetAttribute("href")!;
        var (_, details) = await anonymous.GetPageAsync(link);
        var main = details.QuerySelector("main")!.TextContent;
        Assert.Contains("Hôtel Consulaire", main, StringComparison.Ordinal);
        Assert.Contains("Panorama des collaborations entre Clusters", main, StringComparison.Ordinal);
        Assert.Contains("Recommandations et propositions", main, StringComparison.Ordinal);
        // Claire with 2 colleagues and Sophie, seeded.
        Assert.Equal("4/150 places", details.QuerySelector("#seats")!.TextContent);
        Assert.Contains("Connectez-vous", details.QuerySelector("#inscription")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkshopDay_HasItsTimedProgramme_AndAMonthView()
    {
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var day = CalendarDemoSeeder.Next(DateOnly.FromDateTime(ParisTime.FromUtc(DateTime.UtcNow)), 7, 2);
        var (_, month) = await anonymous.GetPageAsync($"/agenda?vue=mois&mois={day:yyyy-MM}&reseau=inoo");
        var cell = month.QuerySelectorAll("table.agenda-month td").First(td => td.QuerySelector("a") is not null);
        var link = cell.QuerySelector("a")!;
        Assert.Equal("9 h Journée d'ateliers d'appui aux Clusters 47", link.TextContent.Trim());

        var (_, details) = await anonymous.GetPageAsync(link.GetAttribute("href")!);
        var programme = details.QuerySelectorAll(".agenda-programme li").Select(li => string.Join(' ', li.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(
            ["9 h Introduction en plénière", "10 h Ateliers de travail « formation – action »", "12 h Déjeuner et échanges informels", "14 h Ateliers de travail « formation – action » (suite)"],
            programme);
        Assert.Contains("Yannick Ghiron", details.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_FiltersByNetwork_AndPages()
    {
        var only = await CalendarTestData.PublishAsync(factory, ["adebag"], title: "Rencontre de l'eau ADEBAG");
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var (_, adebag) = await anonymous.GetPageAsync("/agenda?reseau=adebag");
        Assert.Contains(adebag.QuerySelectorAll("article h2 a"), a => a.GetAttribute("href") == $"/agenda/{only.Id}");
        Assert.All(adebag.QuerySelectorAll("article .agenda-organisers"), o => Assert.Contains("ADEBAG", o.TextContent, StringComparison.Ordinal));

        var (_, all) = await anonymous.GetPageAsync("/agenda");
        Assert.Equal(20, all.QuerySelectorAll("article").Length);
        Assert.NotNull(all.QuerySelector("a[href='/agenda?page=2']"));
    }

    [Fact]
    public async Task Register_WithColleagues_ShowsSeats_AndCancelFreesThem()
    {
        var e = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 50, audience: EventAudience.OrganisingNetworks);
        using var julien = await BrowserSession.SignInAsync(factory, Julien);

        var register = await julien.PostFormAsync($"/agenda/{e.Id}?handler=Register", new() { ["Colleagues"] = "2" }, formPage: $"/agenda/{e.Id}");
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var (_, page) = await julien.GetPageAsync($"/agenda/{e.Id}");
        Assert.Equal("3/50 places", page.QuerySelector("#seats")!.TextContent);
        Assert.Contains("Vous êtes inscrit (3 places)", page.QuerySelector("#my-registration")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Votre inscription est confirmée.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var (_, mine) = await julien.GetPageAsync("/agenda/mes-inscriptions");
        Assert.Contains(mine.QuerySelectorAll("#my-registrations a"), a => a.GetAttribute("href") == $"/agenda/{e.Id}");

        var cancel = await julien.PostFormAsync($"/agenda/{e.Id}?handler=Unregister", [], formPage: $"/agenda/{e.Id}");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        (_, page) = await julien.GetPageAsync($"/agenda/{e.Id}");
        Assert.Equal("0/50 places", page.QuerySelector("#seats")!.TextContent);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("500")]
    public async Task Register_WithBadColleagueCount_ShowsFrenchErrorAndSavesNothing(string colleagues)
    {
        var e = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 10);
        using var julien = await BrowserSession.SignInAsync(factory, Julien);
        var response = await julien.PostFormAsync($"/agenda/{e.Id}?handler=Register", new() { ["Colleagues"] = colleagues }, formPage: $"/agenda/{e.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await TextAsync(response)).QuerySelector("[data-valmsg-for=Colleagues]")!.TextContent;
        Assert.True(error.Contains("collègues", StringComparison.Ordinal) || error.Contains("n'est pas valide", StringComparison.Ordinal), error);
        Assert.Empty(await CalendarTestData.RegistrationsAsync(factory, e.Id));
    }

    [Fact]
    public async Task Register_OutsideTheOrganisingNetworks_IsRefused()
    {
        var e = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 10, audience: EventAudience.OrganisingNetworks);
        using var claire = await BrowserSession.SignInAsync(factory, Claire);
        var (_, page) = await claire.GetPageAsync($"/agenda/{e.Id}");
        Assert.Equal("Cet événement est réservé aux adhérents des réseaux organisateurs.", page.QuerySelector("#ineligible")!.TextContent);

        var forced = await claire.PostWithoutFormAsync($"/agenda/{e.Id}?handler=Register", new Dictionary<string, string> { ["Colleagues"] = "0" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Empty(await CalendarTestData.RegistrationsAsync(factory, e.Id));
    }

    [Fact]
    public async Task Waitlist_IsFirstComeFirstServed_AndThePromotedMemberIsNotified()
    {
        var e = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 1, title: "Visite test liste d'attente");
        using var claire = await BrowserSession.SignInAsync(factory, Claire);
        using var julien = await BrowserSession.SignInAsync(factory, Julien);
        using var sophie = await BrowserSession.SignInAsync(factory, await CalendarTestData.NewMemberAsync(factory, "Sophie Attente", "etic"));
        foreach (var member in new[] { claire, julien, sophie })
        {
            await member.PostFormAsync($"/agenda/{e.Id}?handler=Register", new() { ["Colleagues"] = "0" }, formPage: $"/agenda/{e.Id}");
        }

        var (_, sophiePage) = await sophie.GetPageAsync($"/agenda/{e.Id}");
        Assert.Contains("liste d'attente, en position 2", sophiePage.QuerySelector("#my-registration")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1/1 places", sophiePage.QuerySelector("#seats")!.TextContent);

        await claire.PostFormAsync($"/agenda/{e.Id}?handler=Unregister", [], formPage: $"/agenda/{e.Id}");

        var (_, julienPage) = await julien.GetPageAsync($"/agenda/{e.Id}");
        Assert.Contains("Vous êtes inscrit", julienPage.QuerySelector("#my-registration")!.TextContent, StringComparison.Ordinal);
        (_, sophiePage) = await sophie.GetPageAsync($"/agenda/{e.Id}");
        Assert.Contains("liste d'attente, en position 1", sophiePage.QuerySelector("#my-registration")!.TextContent, StringComparison.Ordinal);
        var (_, notifications) = await julien.GetPageAsync("/notifications");
        Assert.Contains("Place confirmée : Visite test liste d'attente", notifications.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnimatorOfAnotherNetwork_GetsNotFound_OnEditAttendeesAndClose()
    {
        var e = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 10);
        using var promobois = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("promobois"));

        Assert.Equal(HttpStatusCode.NotFound, (await promobois.Client.GetAsync($"/agenda/{e.Id}/modifier")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await promobois.Client.GetAsync($"/agenda/{e.Id}/inscrits")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await promobois.Client.GetAsync($"/agenda/{e.Id}/inscrits?handler=Csv")).StatusCode);
        var edit = await promobois.PostFormAsync($"/agenda/{e.Id}/modifier", EditFields("Titre piraté", "sotra"), formPage: "/agenda/nouveau");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var close = await promobois.PostFormAsync($"/agenda/{e.Id}?handler=Close", [], formPage: "/agenda/nouveau");
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        var (_, details) = await promobois.GetPageAsync($"/agenda/{e.Id}");
        Assert.Null(details.QuerySelector("#animation"));
        Assert.Equal(e.Title, details.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Animator_EditsClosesAndExportsAttendees()
    {
        var e = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 10);
        using (var julien = await BrowserSession.SignInAsync(factory, Julien))
        {
            await julien.PostFormAsync($"/agenda/{e.Id}?handler=Register", new() { ["Colleagues"] = "1" }, formPage: $"/agenda/{e.Id}");
        }

        using var sotra = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("sotra"));
        var edit = await sotra.PostFormAsync($"/agenda/{e.Id}/modifier", EditFields("Rencontre SOTRA; sous-traitance", "sotra"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);

        var (_, attendees) = await sotra.GetPageAsync($"/agenda/{e.Id}/inscrits");
        Assert.Contains("Julien Lafargue", attendees.QuerySelector("#confirmes")!.TextContent, StringComparison.Ordinal);

        var csv = await sotra.Client.GetAsync($"/agenda/{e.Id}/inscrits?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nom;E-mail;Entreprise;Places;Statut;Inscrit le", lines[0]);
        Assert.StartsWith($"Julien Lafargue;{Julien};Menuiserie Lavardac;2;Confirmée;", lines[1], StringComparison.Ordinal);

        var close = await sotra.PostFormAsync($"/agenda/{e.Id}?handler=Close", [], formPage: $"/agenda/{e.Id}");
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        using var claire = await BrowserSession.SignInAsync(factory, await CalendarTestData.NewMemberAsync(factory, "Lecteur Agenda", "etic"));
        var (_, page) = await claire.GetPageAsync($"/agenda/{e.Id}");
        Assert.Equal("Rencontre SOTRA; sous-traitance", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Les inscriptions sont closes.", page.QuerySelector("#inscription")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='handler=Register']"));
    }

    [Fact]
    public async Task Create_WithInvalidInput_ShowsFrenchErrorsNextToFields_AndSavesNothing()
    {
        using var sotra = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("sotra"));
        var fields = EditFields("", "sotra");
        fields["Input.EndTime"] = "08:00";
        fields["Input.Capacity"] = "0";
        fields["Input.StartDate"] = "pas une date";
        var response = await sotra.PostFormAsync("/agenda/nouveau", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await TextAsync(response)).Body!.TextContent;
        Assert.Contains("Le titre est obligatoire.", html, StringComparison.Ordinal);
        Assert.Contains("Le nombre de places doit être compris entre 1 et 100 000, ou laissé vide.", html, StringComparison.Ordinal);
        Assert.Contains("n'est pas valide", html, StringComparison.Ordinal);

        fields = EditFields("Atelier à l'envers", "sotra");
        fields["Input.EndTime"] = "08:00";
        response = await sotra.PostFormAsync("/agenda/nouveau", fields);
        Assert.Contains("La fin doit être après le début.", (await TextAsync(response)).Body!.TextContent, StringComparison.Ordinal);

        fields = EditFields("Atelier chez les voisins", "promobois");
        response = await sotra.PostFormAsync("/agenda/nouveau", fields);
        Assert.Contains("Vous ne pouvez choisir que des réseaux que vous animez.", (await TextAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ByAnimator_Publishes_AndMembersCannotCreate()
    {
        using var sotra = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("sotra"));
        var created = await sotra.PostFormAsync("/agenda/nouveau", EditFields("Visite de la carrière de Fumel", "sotra"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, page) = await sotra.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Equal("Visite de la carrière de Fumel", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("#animation"));

        using var member = await BrowserSession.SignInAsync(factory, Julien);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync("/agenda/nouveau")).StatusCode);
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync("/agenda/nouveau")).StatusCode);
    }

    [Fact]
    public async Task PluginPublishedEvent_ShowsInTheSharedAgenda_AndRepublishingUpdatesIt()
    {
        EventInfo first;
        EventInfo second;
        int etic;
        using (var scope = factory.Services.CreateScope())
        {
            var calendar = scope.ServiceProvider.GetRequiredService<ICalendarService>();
            etic = (await scope.ServiceProvider.GetRequiredService<Platform.Abstractions.Networks.INetworkDirectory>().FindBySlugAsync("etic"))!.Id;
            var request = new PublishEventRequest
            {
                Source = "Formation",
                ExternalKey = "session-42",
                Title = "Formation : cybersécurité des TPE",
                StartUtc = DateTime.UtcNow.AddDays(20),
                EndUtc = DateTime.UtcNow.AddDays(20).AddHours(7),
                OrganiserNetworkIds = [etic],
                Capacity = 12,
            };
            first = await calendar.PublishAsync(request);
            second = await calendar.PublishAsync(request with { Title = "Formation : cybersécurité des TPE (complet en 2026)" });

            var error = await Assert.ThrowsAsync<ArgumentException>(() => calendar.PublishAsync(request with { ExternalKey = "x", EndUtc = request.StartUtc.AddHours(-1) }));
            Assert.Contains("La fin doit être après le début.", error.Message, StringComparison.Ordinal);
            Assert.Contains(await calendar.ListAsync(DateTime.UtcNow, etic), i => i.Id == first.Id);
        }

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Uid, second.Uid);
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var (_, list) = await anonymous.GetPageAsync("/agenda?reseau=etic&type=formation");
        var card = list.QuerySelectorAll("article").Single(a => a.QuerySelector("h2 a")!.GetAttribute("href") == second.Link);
        Assert.Contains("Formation : cybersécurité des TPE (complet en 2026)", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("0/12 places", card.TextContent, StringComparison.Ordinal);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> TextAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private Dictionary<string, string> EditFields(string title, string organiserSlug)
    {
        var day = DateTime.UtcNow.AddDays(40);
        return new()
        {
            ["Input.Title"] = title,
            ["Input.Type"] = ((int)EventType.CompanyVisit).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartDate"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.StartTime"] = "14:00",
            ["Input.EndTime"] = "16:30",
            ["Input.Place"] = "Fumel",
            ["Input.Capacity"] = "25",
            ["Input.Audience"] = "1",
            ["Input.Organisers"] = NetworkId(organiserSlug),
        };
    }

    private string NetworkId(string slug)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Platform.Host.Data.PlatformDbContext>();
        return db.Networks.Single(n => n.Slug == slug).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
