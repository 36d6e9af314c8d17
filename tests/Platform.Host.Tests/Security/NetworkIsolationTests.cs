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
/// only with A's pledge, a notification, and in the real Formation plugin a programme carried by A with
/// eTIC (a network none of B's users belongs to) whose progress meeting minutes and a trainee's name carry
/// the canary; Formation is enabled for A and for B, so B's calls reach its pages, with A's slug and
/// with B's. (The Notes fixture plugin is enabled for A too, so its routes are
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
    private const string FormationPartner = "etic";
    private const string FormationMember = "membre.conserverie@" + DemoSeeder.Domain; // a member of A's network
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
            Assert.Contains(_canary, await animatorA.Client.GetStringAsync($"/c/{NetworkA}/formation/programmes/{a.ProgrammeId}/reunions"), StringComparison.Ordinal);
            Assert.Contains(_canary, await animatorA.Client.GetStringAsync($"/c/{NetworkA}/formation/sessions/{a.SessionId}"), StringComparison.Ordinal);
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
                    foreach (var (url, id) in UrlsFor(route.Pattern, a))
                    {
                        calls++;
                        await Expect(session.Client.GetAsync(url), $"{role} GET {url}", leaks);
                        foreach (var handler in route.GetHandlers)
                        {
                            calls++;
                            await Expect(session.Client.GetAsync($"{url}?handler={handler}"), $"{role} GET {url}?handler={handler}", leaks);
                        }

                        foreach (var handler in route.PostHandlers)
                        {
                            if (route.Pattern == "compte/deconnexion")
                            {
                                continue; // ends the caller's own session, nothing else
                            }

                            var target = handler is null ? url : $"{url}?handler={handler}";
                            calls++;
                            await Expect(session.Client.PostAsync(target, new FormUrlEncodedContent(Fields(token, a, id))), $"{role} POST {target}", leaks);
                        }
                    }
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(calls > 100, $"only {calls} calls");
        Assert.Equal(before, await FingerprintAsync(a));
    }

    private sealed record NetworkAData(int NetworkId, int CompanyId, int EventId, int QueueId, string MemberEmail, string MemberId, FormationData Formation)
    {
        public int ProgrammeId => Formation.ProgrammeId;

        public int SessionId => Formation.SessionId;
    }

    /// <summary>A's Formation programme (carried by A with eTIC), its theme, module, session and the canary's enrolment.</summary>
    private sealed record FormationData(int ProgrammeId, int ThemeId, int SpecificationId, int ModuleId, int SessionId, int EnrolmentId);

    private sealed record Route(string Pattern, IReadOnlyList<string?> PostHandlers, IReadOnlyList<string> GetHandlers);

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The URLs of a pattern with A's data, each with the id a form posted to it names (the route's, for
    /// pages taking one: a form value would otherwise win over the route value). Formation's pages are
    /// called with A's programme and session from A's network and from B's.
    /// </summary>
    private static IEnumerable<(string Url, int Id)> UrlsFor(string pattern, NetworkAData a)
    {
        if (pattern.StartsWith("c/{network}/formation", StringComparison.Ordinal))
        {
            var id = pattern.StartsWith("c/{network}/formation/sessions/", StringComparison.Ordinal) ? a.SessionId : a.ProgrammeId;
            foreach (var network in new[] { NetworkA, NetworkB })
            {
                yield return ("/" + pattern.Replace("{network}", network, StringComparison.Ordinal).Replace("{id:int}", Invariant(id), StringComparison.Ordinal), id);
            }

            yield break;
        }

        yield return (UrlFor(pattern, a), a.QueueId);
    }

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
            "annuaire" or "annuaire/carte" or "annuaire/statistiques" or "api/v1/networks" or "reseaux/options" => "/" + pattern,
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

    /// <summary>Valid values for every form of the site, so that a POST reaches its handler's checks.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Fields(string token, NetworkAData a, int id)
    {
        var f = a.Formation;
        var start = DateTime.UtcNow.AddDays(40);
        string Local(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("__RequestVerificationToken", token),
            new("network", NetworkA),
            new("id", Invariant(id)),
            new("text", "intrusion"),
            new("Input.Quantity", "5"),
            new("Input.Seats", "1"),
            new("Input.IdempotencyKey", Guid.NewGuid().ToString("N")),
            new("Input.Title", "intrusion"),
            new("Input.FinalUnitPrice", "1"),
            // Formation: programme, needs, specification, module, session, enrolment, attendance, decisions, meeting.
            new("Input.Budget", "1000"),
            new("Input.Themes", "intrusion"),
            new("Input.ThemeIds", Invariant(f.ThemeId)),
            new("Input.Employees", "99"),
            new("Input.PreferredPeriod", "Any"),
            new("Specification.Title", "intrusion"),
            new("Specification.ThemeIds", Invariant(f.ThemeId)),
            new("Module.SpecificationId", Invariant(f.SpecificationId)),
            new("Module.Title", "intrusion"),
            new("Module.DurationHours", "7"),
            new("Module.MinParticipants", "1"),
            new("Module.MaxParticipants", "12"),
            new("Module.TrainingBody", "intrusion"),
            new("Module.SessionCost", "1"),
            new("Input.ModuleId", Invariant(f.ModuleId)),
            new("Input.Start", Local(start)),
            new("Input.End", Local(start.AddHours(7))),
            new("Input.ReleaseAt", Local(start.AddDays(-14))),
            new("Input.GoNoGoAt", Local(start.AddDays(-7))),
            new("Input.Place", "intrusion"),
            new("Trainee.Name", "Intrus Stagiaire"),
            new("enrolmentId", Invariant(f.EnrolmentId)),
            new("present", Invariant(f.EnrolmentId)),
            new("targetSessionId", Invariant(f.SessionId)),
            new("Postponement.Start", Local(start)),
            new("Postponement.End", Local(start.AddHours(7))),
            new("Postponement.ReleaseAt", Local(start.AddDays(-14))),
            new("Postponement.GoNoGoAt", Local(start.AddDays(-7))),
            new("Input.HeldOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Decisions", "intrusion"),
            new("Input.Minutes", "intrusion"),
        ];
    }

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
        var routes = new Dictionary<string, (List<string?> Post, List<string> Get)>(StringComparer.Ordinal);
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!routes.TryGetValue(pattern, out var handlers))
            {
                routes[pattern] = handlers = ([], []);
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                handlers.Post.AddRange(compiled.HandlerMethods
                    .Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase))
                    .Select(h => h.Name)
                    .Where(n => !handlers.Post.Contains(n)));
                // Named GET handlers (a CSV export…) are pages of their own.
                handlers.Get.AddRange(compiled.HandlerMethods
                    .Where(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase) && h.Name is not null)
                    .Select(h => h.Name!)
                    .Where(n => !handlers.Get.Contains(n)));
            }
        }

        return routes.Select(r => new Route(r.Key, r.Value.Post, r.Value.Get)).ToList();
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
        var formation = await SeedFormationAsync(services.GetRequiredService<PluginEnablementService>());

        return new NetworkAData(networkA.Id, company.Id, published.Id, queueId, email, user.Id, formation);
    }

    /// <summary>
    /// A's Formation programme, through the plugin's own pages as A's animator and a member of A: carried
    /// by A with eTIC, taken to the sessions phase, one session with a trainee named with the canary, and a
    /// progress meeting whose minutes carry it.
    /// </summary>
    private async Task<FormationData> SeedFormationAsync(PluginEnablementService enablement)
    {
        foreach (var network in new[] { NetworkA, NetworkB, FormationPartner })
        {
            Assert.Contains(await enablement.SetAsync(SecurityHostFactory.FormationPlugin, network, true, "test"), new[] { EnablementChange.Changed, EnablementChange.Unchanged });
        }

        string Home(string page = "") => $"/c/{NetworkA}/formation{page}";
        string Local(DateTime utc) => FormationLocal(utc);
        var partnerId = await factory.ScalarAsync<long>("select Id from Networks where Slug = $s", ("$s", FormationPartner));
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail(NetworkA));
        using var member = await BrowserSession.SignInAsync(factory, FormationMember);

        var created = await PostAsync(animator, Home(),
        [
            new("Input.Title", "Programme de PROD'IAA et eTIC"), new("Input.Budget", "20000"), new("Input.TargetTrainees", "20"),
            new("Input.Themes", "Hygiène et sécurité alimentaire"), new("Input.PartnerNetworkIds", partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        var programmeId = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var themeId = (int)await factory.ScalarAsync<long>("select Id from formation_themes where ProgrammeId = $p", ("$p", programmeId));
        await PostAsync(member, Home($"/programmes/{programmeId}/besoins"),
            [new("Input.ThemeIds", Invariant(themeId)), new("Input.Employees", "3"), new("Input.PreferredPeriod", "Any")]);
        await PostAsync(animator, Home($"/programmes/{programmeId}?handler=Advance"), [], Home($"/programmes/{programmeId}"));
        var plan = Home($"/programmes/{programmeId}/cahiers-des-charges");
        await PostAsync(animator, plan + "?handler=Specification", [new("Specification.Title", "Sécurité des aliments"), new("Specification.ThemeIds", Invariant(themeId))], plan);
        var specificationId = (int)await factory.ScalarAsync<long>("select Id from formation_specifications where ProgrammeId = $p", ("$p", programmeId));
        await PostAsync(animator, plan + "?handler=Module",
        [
            new("Module.SpecificationId", Invariant(specificationId)), new("Module.Title", "HACCP"), new("Module.DurationHours", "14"),
            new("Module.MinParticipants", "2"), new("Module.MaxParticipants", "12"), new("Module.TrainingBody", "Sud Management"), new("Module.SessionCost", "1500"),
        ], plan);
        var moduleId = (int)await factory.ScalarAsync<long>("select Id from formation_modules where ProgrammeId = $p", ("$p", programmeId));
        await PostAsync(animator, Home($"/programmes/{programmeId}?handler=Advance"), [], Home($"/programmes/{programmeId}"));
        var start = DateTime.UtcNow.AddDays(30);
        await PostAsync(animator, Home($"/programmes/{programmeId}/sessions/nouvelle"),
        [
            new("Input.ModuleId", Invariant(moduleId)), new("Input.Start", Local(start)), new("Input.End", Local(start.AddHours(7))),
            new("Input.Place", "Agropole, Estillac"), new("Input.Seats", "10"), new("Input.ReleaseAt", Local(start.AddDays(-14))), new("Input.GoNoGoAt", Local(start.AddDays(-7))),
        ]);
        var sessionId = (int)await factory.ScalarAsync<long>("select Id from formation_sessions where ProgrammeId = $p", ("$p", programmeId));
        var session = Home($"/sessions/{sessionId}");
        await PostAsync(member, session + "?handler=Enrol", [new("Trainee.Name", "Stagiaire " + _canary)], session);
        var enrolmentId = (int)await factory.ScalarAsync<long>("select Id from formation_enrolments where SessionId = $s", ("$s", sessionId));
        await PostAsync(animator, Home($"/programmes/{programmeId}/reunions"),
        [
            new("Input.HeldOn", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("Input.Title", "Comité de pilotage"),
            new("Input.Decisions", "Sessions maintenues."), new("Input.Minutes", "Compte rendu confidentiel " + _canary),
        ]);
        return new FormationData(programmeId, themeId, specificationId, moduleId, sessionId, enrolmentId);
    }

    /// <summary>A value for a <c>datetime-local</c> field: Paris wall-clock time.</summary>
    private static string FormationLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>POSTs a form with the token of the page that shows it; the form must be accepted (a redirect).</summary>
    private static async Task<HttpResponseMessage> PostAsync(BrowserSession session, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var (shown, page) = await session.GetPageAsync(formPage ?? url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url} ({(int)shown.StatusCode})");
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var errors = string.Join(" | ", html.QuerySelectorAll(".text-danger, .validation-summary-errors li, .alert").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
            Assert.Fail($"POST {url}: expected a redirect, got {(int)response.StatusCode}: {errors}");
        }

        return response;
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

        // A's Formation programme: phase, partners, needs, plan, sessions, seats, enrolments, meetings.
        foreach (var (what, sql) in new[]
        {
            ("programme", "select Phase, Title, Description, BudgetCents, TargetTrainees, CarrierNetworkId from formation_programmes where Id = $p"),
            ("partners", "select NetworkId from formation_programme_partners where ProgrammeId = $p order by NetworkId"),
            ("themes", "select Id, Name, SpecificationId from formation_themes where ProgrammeId = $p order by Id"),
            ("needs", "select Id, CompanyId, NetworkId, Employees, PreferredPeriod, Comment from formation_need_responses where ProgrammeId = $p order by Id"),
            ("specifications", "select Id, Title from formation_specifications where ProgrammeId = $p order by Id"),
            ("modules", "select Id, Title, MinParticipants, MaxParticipants, SessionCostCents from formation_modules where ProgrammeId = $p order by Id"),
            ("sessions", "select Id, Status, StartUtc, EndUtc, Seats, ReleaseAtUtc, GoNoGoAtUtc, CostCents, MergedIntoSessionId from formation_sessions where ProgrammeId = $p order by Id"),
            ("quotas", "select q.SessionId, q.NetworkId, q.Seats from formation_session_quotas q join formation_sessions s on s.Id = q.SessionId where s.ProgrammeId = $p order by 1, 2"),
            ("enrolments", "select e.Id, e.SessionId, e.CompanyId, e.NetworkId, e.TraineeName, e.Seat, e.Attended from formation_enrolments e join formation_sessions s on s.Id = e.SessionId where s.ProgrammeId = $p order by e.Id"),
            ("meetings", "select Id, HeldOnUtc, Title, Decisions, Minutes from formation_meetings where ProgrammeId = $p order by Id"),
        })
        {
            var rows = await factory.QueryAsync(sql, ("$p", a.ProgrammeId));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"formation {what} {rows.Count}: ");
            text.AppendJoin(" | ", rows.Select(r => string.Join(",", r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))));
            text.Append(';');
        }

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
