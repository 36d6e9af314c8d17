using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Members;
using Platform.Abstractions.Notifications;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Purchasing;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>
/// Isolation between networks (ASVS 8.2.2, 8.4.1). Network A (PROD'IAA) holds restricted data marked
/// with a canary string: a member's registration on A's members-only event, a purchasing queue open to A
/// only with A's pledge, a notification. (The Notes fixture plugin is enabled for A too, so its routes are
/// called, but its notes are network-public by design — anyone may read and add one — so they carry no
/// canary and are not part of what must not change.) Every endpoint of the host and of the plugins,
/// read from the endpoint data source, is called as anonymous, as a member of network B (PROMOBOIS) and
/// as B's animator, with A's slugs and ids, by GET and by POST (with the caller's valid antiforgery
/// token): no response may contain the canary, and nothing of A may change. An endpoint the table below
/// does not know makes the test fail, so a new page must say how it is to be called.
/// </summary>
[Collection(SecurityHost.Name)]
public sealed class NetworkIsolationTests(SecurityHostFactory factory)
{
    private const string NetworkA = "prod-iaa";
    private const string NetworkB = "promobois";
    private readonly string _canary = "TEMOIN" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    [Fact]
    public async Task NoEndpoint_ShowsOrChangesAnotherNetworksRestrictedData()
    {
        var a = await SeedNetworkAAsync();
        var before = await FingerprintAsync(a);

        // Positive control: where A's data may be seen, the canary is there, so its absence elsewhere means something.
        using (var memberA = await BrowserSession.SignInAsync(factory, a.MemberEmail))
        {
            Assert.Contains(_canary, await memberA.Client.GetStringAsync($"/achats/{a.QueueId}"), StringComparison.Ordinal);
            Assert.Contains(_canary, await memberA.Client.GetStringAsync("/notifications"), StringComparison.Ordinal);
        }

        using (var animatorA = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail(NetworkA)))
        {
            Assert.Contains(_canary, await animatorA.Client.GetStringAsync($"/agenda/{a.EventId}/inscrits"), StringComparison.Ordinal);
        }

        var leaks = new List<string>();
        var calls = 0;
        var routes = await RoutesAsync();
        foreach (var (role, session) in await SessionsOfBAsync())
        {
            using (session)
            {
                var token = await TokenAsync(session);
                foreach (var route in routes)
                {
                    var url = UrlFor(route.Pattern, a);
                    calls++;
                    await Expect(session.Client.GetAsync(url), $"{role} GET {url}", leaks);
                    foreach (var handler in route.PostHandlers)
                    {
                        if (route.Pattern == "compte/deconnexion")
                        {
                            continue; // ends the caller's own session, nothing else
                        }

                        var target = handler is null ? url : $"{url}?handler={handler}";
                        calls++;
                        await Expect(session.Client.PostAsync(target, new FormUrlEncodedContent(Fields(token, a))), $"{role} POST {target}", leaks);
                    }
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(calls > 100, $"only {calls} calls");
        Assert.Equal(before, await FingerprintAsync(a));
    }

    private sealed record NetworkAData(int NetworkId, int CompanyId, int EventId, int QueueId, string MemberEmail, string MemberId);

    private sealed record Route(string Pattern, IReadOnlyList<string?> PostHandlers);

    /// <summary>How each endpoint is called with A's data. A pattern missing here fails the test.</summary>
    private static string UrlFor(string pattern, NetworkAData a)
    {
        string Fill(string value) => "/" + value.Replace("{network}", NetworkA, StringComparison.Ordinal);
        return pattern switch
        {
            "" or "reseaux" or "notifications" or "healthz" or "langue" or "agenda" or "agenda.ics" or "agenda/mes-inscriptions"
                or "agenda/nouveau" or "achats" or "achats/nouveau" or "admin/modules" or "compte/connexion" or "compte/deconnexion"
                or "compte/acces-refuse" => "/" + pattern,
            "erreur/{code:int?}" => "/erreur/404",
            "annuaire" or "annuaire/carte" or "annuaire/statistiques" or "api/v1/networks" => "/" + pattern,
            "annuaire/reseaux/{slug}" or "annuaire/reseaux/{slug}/import" or "annuaire/reseaux/{slug}/modifier" or "api/v1/networks/{slug}" =>
                "/" + pattern.Replace("{slug}", NetworkA, StringComparison.Ordinal),
            "annuaire/entreprises/{id:int}" or "annuaire/entreprises/{id:int}/modifier" => "/" + pattern.Replace("{id:int}", a.CompanyId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "api/v1/companies" => $"/api/v1/companies?network={NetworkA}",
            "openapi/{documentName}.json" => "/openapi/v1.json",
            "admin/modules/{id}" => "/admin/modules/notes",
            "c/{network}" or "c/{network}/agenda.ics" => Fill(pattern),
            "agenda/{id:int}" or "agenda/{id:int}/inscrits" or "agenda/{id:int}/modifier" => "/" + pattern.Replace("{id:int}", a.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            "agenda/{id:int}.ics" => $"/agenda/{a.EventId}.ics",
            "agenda/flux/{token}.ics" => "/agenda/flux/jeton-invente.ics",
            "achats/{id:int}" or "achats/{id:int}/commande" or "achats/{id:int}/modifier" => "/" + pattern.Replace("{id:int}", a.QueueId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            _ when pattern.StartsWith("c/{network}/notes", StringComparison.Ordinal) => Fill(pattern.Replace("{id:int?}", "1", StringComparison.Ordinal)),
            _ => throw new Xunit.Sdk.XunitException($"Endpoint « {pattern} » is not covered by the isolation test: add how to call it with network A's data."),
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(string token, NetworkAData a) =>
    [
        new("__RequestVerificationToken", token),
        new("network", NetworkA),
        new("id", a.QueueId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("text", "intrusion"),
        new("Input.Quantity", "5"),
        new("Input.Seats", "1"),
        new("Input.IdempotencyKey", Guid.NewGuid().ToString("N")),
        new("Input.Title", "intrusion"),
        new("Input.FinalUnitPrice", "1"),
    ];

    private async Task Expect(Task<HttpResponseMessage> call, string what, List<string> leaks)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        if (body.Contains(_canary, StringComparison.Ordinal))
        {
            leaks.Add($"{what} ({(int)response.StatusCode}) shows network A's data");
        }

        // The Notes fixture's /boom page fails on purpose (503 « module temporairement indisponible »).
        if ((int)response.StatusCode >= 500 && !what.Contains("/notes/Boom", StringComparison.OrdinalIgnoreCase))
        {
            leaks.Add($"{what} answered {(int)response.StatusCode}");
        }
    }

    private async Task<IReadOnlyList<(string Role, BrowserSession Session)>> SessionsOfBAsync() =>
    [
        ("anonymous", new BrowserSession(factory.CreateBrowser())),
        ("member of B", await BrowserSession.SignInAsync(factory, DemoSeeder.Members.First(m => m.Networks.Contains(NetworkB)).Email)),
        ("animator of B", await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail(NetworkB))),
    ];

    private static async Task<string> TokenAsync(BrowserSession session)
    {
        // Any page with a form gives the caller's own token: the sign-in page for anonymous, the
        // notifications page (mark all read) otherwise.
        foreach (var url in new[] { "/notifications", "/compte/connexion" })
        {
            var (response, page) = await session.GetPageAsync(url);
            if (response.IsSuccessStatusCode && page.QuerySelector("input[name=__RequestVerificationToken]") is { } input)
            {
                return input.GetAttribute("value")!;
            }
        }

        throw new InvalidOperationException("No antiforgery token found");
    }

    private async Task<IReadOnlyList<Route>> RoutesAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!routes.TryGetValue(pattern, out var handlers))
            {
                routes[pattern] = handlers = [];
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                handlers.AddRange(compiled.HandlerMethods
                    .Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase))
                    .Select(h => h.Name)
                    .Where(n => !handlers.Contains(n)));
            }
        }

        return routes.Select(r => new Route(r.Key, r.Value)).ToList();
    }

    /// <summary>A's restricted data, each piece carrying the canary.</summary>
    private async Task<NetworkAData> SeedNetworkAAsync()
    {
        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlatformDbContext>();
        var networkA = await db.Networks.SingleAsync(n => n.Slug == NetworkA);

        // The directory is public: the company itself is no secret, only what A keeps for its members.
        var company = new Company { Name = "Société témoin de l'isolation" };
        company.Memberships.Add(new CompanyMembership { NetworkId = networkA.Id });
        db.Add(company);
        await db.SaveChangesAsync();
        var email = $"{_canary.ToLowerInvariant()}@test.interclustering47.fr";
        var (user, errors) = await services.GetRequiredService<AccountAdministration>()
            .CreateAsync(email, "Membre " + _canary, DemoSeeder.Password, PlatformRoles.Member, company.Id);
        Assert.True(user is not null, string.Join("; ", errors));

        var now = DateTime.UtcNow;
        var calendar = services.GetRequiredService<CalendarService>();
        var published = await calendar.PublishAsync(new PublishEventRequest
        {
            Source = "isolation-test",
            ExternalKey = _canary,
            Title = "Atelier réservé aux adhérents de PROD'IAA",
            StartUtc = now.AddDays(20),
            EndUtc = now.AddDays(20).AddHours(2),
            OrganiserNetworkIds = [networkA.Id],
            Capacity = 30,
            Audience = EventAudience.OrganisingNetworks,
        });
        var memberA = new TestMember(user!.Id, company.Id);
        var registered = await services.GetRequiredService<RegistrationService>().RegisterAsync(published.Id, memberA, 1);
        Assert.NotNull(registered.Registration);

        var purchasing = services.GetRequiredService<PurchasingService>();
        var queueId = await purchasing.CreateAsync(
            new QueueDraft(networkA.Id, "Achat " + _canary, PurchaseCategory.Supplies, "Réservé à PROD'IAA " + _canary, "carton", 100, null,
                [new PriceTierInfo(0, 2m)], now.AddMinutes(-5), now.AddDays(10), [networkA.Id]),
            null,
            open: true);
        var pledge = await purchasing.PledgeAsync(queueId, memberA, 40, Guid.NewGuid().ToString("N"));
        Assert.True(pledge.Found);

        await services.GetRequiredService<INotificationService>().NotifyAsync(new Notification(user.Id, "Message privé", "Pour " + _canary));
        await services.GetRequiredService<PluginEnablementService>().SetAsync("notes", NetworkA, true, "test");

        return new NetworkAData(networkA.Id, company.Id, published.Id, queueId, email, user.Id);
    }

    /// <summary>Everything of A that must not change, as one string.</summary>
    private async Task<string> FingerprintAsync(NetworkAData a)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var text = new StringBuilder();
        var queue = await db.Set<PurchasingQueue>().AsNoTracking().SingleAsync(q => q.Id == a.QueueId);
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"queue {queue.Status} {queue.Title} {queue.DeadlineUtc:O};");
        foreach (var p in await db.Set<Pledge>().AsNoTracking().Where(p => p.QueueId == a.QueueId).OrderBy(p => p.Id).ToListAsync())
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"pledge {p.CompanyId} {p.Quantity} {p.Status};");
        }

        var agendaEvent = await db.Set<AgendaEvent>().AsNoTracking().Include(e => e.Registrations).SingleAsync(e => e.Id == a.EventId);
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"event {agendaEvent.Title} {agendaEvent.StartUtc:O} {agendaEvent.Capacity};");
        foreach (var r in agendaEvent.Registrations.OrderBy(r => r.Id))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"registration {r.UserId} {r.Seats} {r.Status};");
        }

        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"enabled {string.Join(",", await db.PluginEnablements.AsNoTracking().Where(e => e.NetworkId == a.NetworkId).Select(e => e.PluginId).OrderBy(i => i).ToListAsync())};");
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"notifications {await db.Notifications.CountAsync(n => n.UserId == a.MemberId)};");
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Id == a.NetworkId);
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"network {network.Name} {network.Description};");
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"members {string.Join(",", await db.CompanyMemberships.AsNoTracking().Where(m => m.NetworkId == a.NetworkId).Select(m => m.CompanyId).OrderBy(i => i).ToListAsync())};");
        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == a.CompanyId);
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"company {company.Name} {company.Description} {company.Skills} {company.ContactEmail};");
        return text.ToString();
    }

    private sealed class TestMember(string userId, int companyId) : ICurrentMember
    {
        public bool IsAuthenticated => true;

        public string? UserId => userId;

        public string? DisplayName => "Témoin";

        public int? CompanyId => companyId;

        public bool IsPlatformAdmin => false;

        public IReadOnlySet<int> AnimatedNetworkIds { get; } = new HashSet<int>();
    }
}
