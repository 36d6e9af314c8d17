using Platform.Host.Web;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Purchasing;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Notifications;
using Platform.Host.Features.Purchasing;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Purchasing;

[Collection(PurchasingHost.Name)]
public sealed class PurchasingPagesTests(PurchasingHostFactory factory)
{
    // Claire Dubois's Conserverie is in PROD'IAA; Sophie Martin's Agenais Numérique is in eTIC, INOO and the Groupe Innovation only.
    private static readonly string Conserverie = DemoSeeder.Members[0].Email;
    private static readonly string Numerique = DemoSeeder.Members[2].Email;

    [Fact]
    public async Task Queue_MemberOfANetworkNotInvited_Gets404_AndCannotPledge()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", ["sotra"], 10, null, TimeSpan.FromDays(3));
        using var outsider = await BrowserSession.SignInAsync(factory, Numerique);

        var (page, _) = await outsider.GetPageAsync($"/achats/{id}");
        // Posting anyway, with the outsider's own antiforgery token (from a page they may see).
        var form = await PledgeForms.RenderAsync(outsider, id, "Pledge", 5, pageUrl: "/achats");
        var post = await form.PostAsync(outsider.Client);
        var (_, list) = await outsider.GetPageAsync("/achats");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain($"/achats/{id}\"", list.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Pledge>().CountAsync(p => p.QueueId == id)));
    }

    [Fact]
    public async Task Pledge_SameFormSentTwice_CountsOnce()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", [], 10, null, TimeSpan.FromDays(3));
        using var member = await BrowserSession.SignInAsync(factory, Conserverie);
        var pledge = await PledgeForms.RenderAsync(member, id, "Pledge", 40);
        var first = await pledge.PostAsync(member.Client);
        var again = await pledge.PostAsync(member.Client);
        // A double click on "withdraw", both requests in flight at once.
        var withdraw = await PledgeForms.RenderAsync(member, id, "Withdraw");
        var both = await Task.WhenAll(withdraw.PostAsync(member.Client), withdraw.PostAsync(member.Client));
        var repledge = await PledgeForms.PledgeAsync(member, id, 25);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.All(both, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.Redirect, repledge.StatusCode);
        var history = await factory.WithDbAsync(db => db.Set<QueueHistoryEntry>().Where(h => h.QueueId == id && h.CompanyId != null).OrderBy(h => h.Id).Select(h => h.Kind).ToListAsync());
        Assert.Equal([HistoryKind.Pledged, HistoryKind.Withdrawn, HistoryKind.Pledged], history);
        var (_, page) = await member.GetPageAsync($"/achats/{id}");
        Assert.Equal(25, PledgeForms.ShownTotal(page));
        Assert.Contains("25 lot", page.QuerySelector("[data-my-pledge]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledge_InvalidOrRefused_AnswersAClear4xxInFrench()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", [], 10, 50, TimeSpan.FromDays(3));
        using var member = await BrowserSession.SignInAsync(factory, Conserverie);

        var letters = await PledgeForms.RenderAsync(member, id, "Pledge");
        letters.Fields["Input.Quantity"] = "beaucoup";
        var invalid = await letters.PostAsync(member.Client);
        var noKey = await PledgeForms.RenderAsync(member, id, "Pledge", 5);
        noKey.Fields["Input.IdempotencyKey"] = "<script>";
        var expired = await noKey.PostAsync(member.Client);
        await PledgeForms.PledgeAsync(member, id, 30);
        var tooMuch = await PledgeForms.PledgeAsync(member, id, 60);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        // Under the field it is about, which is marked (the page writes its forms by hand, not with tag helpers).
        var page = await new HtmlParser().ParseDocumentAsync(await invalid.Content.ReadAsStringAsync());
        Assert.StartsWith("Indiquez une quantité", page.QuerySelector("[data-valmsg-for='Input.Quantity']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("input-validation-error", page.QuerySelector("#Input_Quantity")!.ClassName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Contains("Il ne reste que 20", await tooMuch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadline_PassedOnTheFakeClock_ClosingJobClosesTheQueueAndTellsEveryParticipant()
    {
        var reached = await factory.OpenQueueAsync("prod-iaa", ["sotra"], 30, null, TimeSpan.FromHours(2), title: "Gants nitrile (test clôture)");
        var failed = await factory.OpenQueueAsync("prod-iaa", ["sotra"], 1000, null, TimeSpan.FromHours(2), title: "Palettes (test échec)");
        var members = await factory.CreateMembersAsync("Clôture", 2, "sotra");
        foreach (var (email, _) in members)
        {
            using var session = await BrowserSession.SignInAsync(factory, email);
            Assert.Equal(HttpStatusCode.Redirect, (await PledgeForms.PledgeAsync(session, reached, 20)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await PledgeForms.PledgeAsync(session, failed, 20)).StatusCode);
        }

        await factory.CloseDueQueuesAsync();
        Assert.Equal(2, await OpenCountAsync(reached, failed));
        factory.Clock!.Advance(TimeSpan.FromHours(2));
        await factory.CloseDueQueuesAsync();

        var statuses = await factory.WithDbAsync(db => db.Set<PurchasingQueue>().Where(q => q.Id == reached || q.Id == failed).ToDictionaryAsync(q => q.Id, q => q.Status));
        Assert.Equal(PurchasingQueueStatus.Negotiating, statuses[reached]);
        Assert.Equal(PurchasingQueueStatus.Failed, statuses[failed]);
        var participant = await factory.UserIdAsync(members[1].Email);
        // The host's own closing job may have closed the queues first, on the clock's move: it tells the
        // participants after its commit, so their notices may land a moment after CloseDueQueuesAsync returns.
        var notices = await NoticesAsync(participant, "est clos : le seuil est atteint", "est clos sans atteindre son seuil");
        Assert.Contains(notices, b => b.Contains("« Gants nitrile (test clôture) » est clos : le seuil est atteint", StringComparison.Ordinal));
        Assert.Contains(notices, b => b.Contains("« Palettes (test échec) » est clos sans atteindre son seuil", StringComparison.Ordinal));

        // The organiser's animator awards it; the participants hear of it too.
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("prod-iaa"));
        var award = await animator.PostFormAsync($"/achats/{reached}?handler=Award", new() { ["FinalUnitPrice"] = "8,75" }, $"/achats/{reached}");
        Assert.Equal(HttpStatusCode.Redirect, award.StatusCode);
        var (_, page) = await animator.GetPageAsync($"/achats/{reached}");
        Assert.Equal("Attribué", page.QuerySelector("[data-status]")!.TextContent.Trim());
        Assert.Contains(await factory.WithDbAsync(db => db.Set<NotificationRecord>().Where(n => n.UserId == participant).Select(n => n.Body).ToListAsync()),
            b => b.Contains("attribué au prix unitaire de 8,75 €", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_ByTheOrganiser_IsAFrenchCsvOfTheAcceptedPledges_AndNotFoundForMembers()
    {
        var id = await factory.OpenQueueAsync("sotra", ["sotra"], 10, 100, TimeSpan.FromDays(2), unit: "paire", tiers: [(0, 14.9m), (50, 12.5m)]);
        var members = await factory.CreateMembersAsync("Export; \"SARL\"", 3, "sotra");
        var quantities = new[] { 40, 30, 45 };
        for (var i = 0; i < members.Count; i++)
        {
            using var session = await BrowserSession.SignInAsync(factory, members[i].Email);
            await PledgeForms.PledgeAsync(session, id, quantities[i]);
        }

        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("sotra"));
        var csv = await animator.Client.GetAsync($"/achats/{id}/commande");
        using var member = await BrowserSession.SignInAsync(factory, members[0].Email);
        var forbidden = await member.Client.GetAsync($"/achats/{id}/commande");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Entreprise;SIRET;Quantité;Unité;Prix unitaire HT (€);Total HT (€)", lines[0]);
        // The third pledge waits (40 + 30 + 45 > 100): the order has the two accepted ones, at the 50+ tier.
        Assert.Equal("\"Export; \"\"SARL\"\" 000\";;40;paire;12,50;500,00", lines[1]);
        Assert.Equal("\"Export; \"\"SARL\"\" 001\";12345678900001;30;paire;12,50;375,00", lines[2]);
        Assert.Equal("Total;;70;paire;12,50;875,00", lines[3]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
    }

    [Fact]
    public async Task Index_ShowsProgressTowardsTheMinimum_CurrentAndNextTier_AndTimeLeft()
    {
        var id = await factory.OpenQueueAsync("prod-iaa", [], 200, null, TimeSpan.FromDays(2).Add(TimeSpan.FromHours(3)), unit: "carton",
            tiers: [(0, 0.92m), (100, 0.81m), (300, 0.74m)]);
        using var member = await BrowserSession.SignInAsync(factory, Conserverie);
        await PledgeForms.PledgeAsync(member, id, 120);

        var (_, page) = await member.GetPageAsync("/achats");
        var card = page.QuerySelector($"[data-queue='{id}']")!;

        Assert.Equal("60", card.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
        Assert.Contains("120 carton engagés sur un minimum de 200 carton (60 %)", card.QuerySelector("[data-progress]")!.TextContent.Replace('\u202f', ' '), StringComparison.Ordinal);
        Assert.Equal("0,81 € HT", card.QuerySelector("[data-current-price]")!.TextContent);
        Assert.Contains("0,74 € HT à partir de 300 carton", card.QuerySelector("[data-next-tier]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("2 jours", card.QuerySelector("[data-time-left]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ByAnAnimator_SavesADraftInvisibleToMembersUntilPublished()
    {
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("prod-iaa"));
        var paris = ParisTime.FromUtc(factory.Now);
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Sacs kraft (test création)",
            ["Input.Category"] = nameof(PurchaseCategory.Packaging),
            ["Input.Unit"] = "sac",
            ["Input.MinimumQuantity"] = "500",
            ["Input.OpensAt"] = paris.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Deadline"] = paris.AddDays(5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OrganizerNetworkId"] = (await NetworkIdAsync("prod-iaa")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Tiers[0].FromQuantity"] = "0",
            ["Input.Tiers[0].UnitPrice"] = "0,35",
            ["Input.Tiers[1].FromQuantity"] = "1000",
            ["Input.Tiers[1].UnitPrice"] = "0.29",
        };
        var bad = await animator.PostFormAsync("/achats/nouveau", new(fields) { ["Input.MinimumQuantity"] = "", ["Input.Tiers[2].UnitPrice"] = "12" });
        var created = await animator.PostFormAsync("/achats/nouveau", fields);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Chaque palier rempli a une quantité et un prix", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        using var member = await BrowserSession.SignInAsync(factory, Conserverie);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetPageAsync(url)).Response.StatusCode);

        var published = await animator.PostFormAsync(url + "?handler=Publish", new(), url);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (response, page) = await member.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("0,29 €", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_ADraft_SavesTheChanges_AndAFarOffDateGetsAFrenchMessageNotAnError()
    {
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("prod-iaa"));
        var (_, form) = await animator.GetPageAsync("/achats/nouveau");
        var fields = form.QuerySelectorAll("form[method=post] input[name^='Input.'], form[method=post] select, form[method=post] textarea")
            .Where(e => e.GetAttribute("type") != "checkbox" && e.GetAttribute("name") is not null)
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        fields["Input.Title"] = "Étiquettes (brouillon)";
        fields["Input.Unit"] = "rouleau";
        fields["Input.MinimumQuantity"] = "50";
        fields["Input.Tiers[0].FromQuantity"] = "0";
        fields["Input.Tiers[0].UnitPrice"] = "7,20";
        var created = await animator.PostFormAsync("/achats/nouveau", fields);
        var url = created.Headers.Location!.OriginalString;

        var farOff = await animator.PostFormAsync(url + "/modifier", new(fields) { ["Input.Deadline"] = "0001-01-01T00:00" });
        var edited = await animator.PostFormAsync(url + "/modifier", new(fields) { ["Input.Title"] = "Étiquettes adhésives", ["Input.Tiers[1].FromQuantity"] = "200", ["Input.Tiers[1].UnitPrice"] = "6,10" });

        Assert.Equal(HttpStatusCode.BadRequest, farOff.StatusCode);
        Assert.Contains("Indiquez une date limite entre 2000 et 2100.", await farOff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var (_, page) = await animator.GetPageAsync(url);
        Assert.Equal("Étiquettes adhésives", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("6,10 €", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Brouillon", page.QuerySelector("[data-status]")!.TextContent.Trim());
    }

    private Task<int> NetworkIdAsync(string slug) =>
        factory.WithDbAsync(db => db.Set<Features.Networks.Network>().Where(n => n.Slug == slug).Select(n => n.Id).SingleAsync());

    private Task<int> OpenCountAsync(params int[] ids) =>
        factory.WithDbAsync(db => db.Set<PurchasingQueue>().CountAsync(q => ids.Contains(q.Id) && q.Status == PurchasingQueueStatus.Open));

    /// <summary>The user's notices, once they include each of <paramref name="awaited"/> (or after 15 s).</summary>
    private async Task<List<string>> NoticesAsync(string userId, params string[] awaited)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var notices = await factory.WithDbAsync(db => db.Set<NotificationRecord>().Where(n => n.UserId == userId).Select(n => n.Body).ToListAsync());
            if (awaited.All(a => notices.Exists(n => n.Contains(a, StringComparison.Ordinal))) || DateTime.UtcNow > deadline)
            {
                return notices;
            }

            await Task.Delay(100);
        }
    }
}
