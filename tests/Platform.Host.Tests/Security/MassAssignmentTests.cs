using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Purchasing;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>
/// Mass assignment (ASVS 15.3.3): every form of the site, filled as the page offers it, is posted again
/// with extra fields naming another network, another company, a role. Nothing of the other network
/// appears, and the user's own company and roles stay as they were. Formation's forms are posted by the
/// animator of the network carrying its demo programme, on that programme's pages.
/// </summary>
[Collection(SecurityHost.Name)]
public sealed class MassAssignmentTests(SecurityHostFactory factory)
{
    private const string OtherNetwork = "adebag";

    [Fact]
    public async Task ExtraFieldsNamingAnotherNetworkCompanyOrRole_ChangeNothingThey_Name()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var enablement = scope.ServiceProvider.GetRequiredService<PluginEnablementService>();
            await enablement.SetAsync(SecurityHostFactory.FormationPlugin, "machinisme-agricole", true, "test");
            await enablement.SetAsync(SecurityHostFactory.FormationPlugin, SecurityHostFactory.FormationDemoCarrier, true, "test");
        }

        var email = DemoSeeder.AnimatorEmail("machinisme-agricole");
        var formationEmail = DemoSeeder.AnimatorEmail(SecurityHostFactory.FormationDemoCarrier);
        var (otherNetworkId, before) = await StateAsync(email);
        var formationBefore = (await StateAsync(formationEmail)).State;
        var other = otherNetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var extras = new Dictionary<string, string>
        {
            ["NetworkId"] = otherNetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.NetworkId"] = otherNetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.OrganizerNetworkId"] = otherNetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Organisers"] = otherNetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.InvitedNetworks"] = otherNetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CompanyId"] = "1",
            ["Input.CompanyId"] = "1",
            ["Role"] = "PlatformAdmin",
            ["Input.Role"] = "PlatformAdmin",
            ["IsPlatformAdmin"] = "true",
            ["UserId"] = "admin",
            // Formation: the carrier, a programme's phase, seats kept for a network outside the programme,
            // an enrolment or an answer counted for another network or company.
            ["CarrierNetworkId"] = other,
            ["Input.CarrierNetworkId"] = other,
            ["Input.Phase"] = "Completed",
            ["Phase"] = "Completed",
            [$"Input.Quotas[{other}]"] = "1",
            ["Trainee.NetworkId"] = other,
            ["Trainee.CompanyId"] = "1",
            ["Input.ProgrammeId"] = "1",
        };

        var posted = await PostEveryFormAsync(email, Urls(), extras);
        var formationPosted = await PostEveryFormAsync(formationEmail, await SiteMap.FormationUrlsAsync(factory, SecurityHostFactory.FormationDemoCarrier), extras);

        Assert.True(posted >= 3, $"only {posted} forms posted");
        Assert.True(formationPosted >= 8, $"only {formationPosted} forms of Formation posted");
        Assert.Equal(before, (await StateAsync(email)).State);
        Assert.Equal(formationBefore, (await StateAsync(formationEmail)).State);
        foreach (var account in new[] { email, formationEmail })
        {
            using var again = await BrowserSession.SignInAsync(factory, account);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await again.Client.GetAsync("/admin/modules")).StatusCode);
        }
    }

    /// <summary>Posts every form the pages show to <paramref name="email"/>, filled as shown plus the extras; returns how many.</summary>
    private async Task<int> PostEveryFormAsync(string email, IEnumerable<string> urls, IReadOnlyDictionary<string, string> extras)
    {
        using var session = await BrowserSession.SignInAsync(factory, email);
        var posted = 0;
        foreach (var url in urls)
        {
            var (response, page) = await session.GetPageAsync(url);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                if (action.StartsWith("/compte/", StringComparison.Ordinal))
                {
                    continue;
                }

                posted++;
                await session.Client.PostAsync(action, new FormUrlEncodedContent(Fields(form).Concat(extras)));
            }
        }

        return posted;
    }

    private async Task<(int OtherNetworkId, string State)> StateAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var network = await db.Networks.AsNoTracking().SingleAsync(n => n.Slug == OtherNetwork);
        var user = await users.FindByEmailAsync(email);
        var roles = string.Join(",", await users.GetRolesAsync(user!));
        var events = await db.Set<AgendaEvent>().AsNoTracking().CountAsync(e => e.Organisers.Any(o => o.NetworkId == network.Id));
        var queues = await db.Set<PurchasingQueue>().AsNoTracking().CountAsync(q => q.OrganizerNetworkId == network.Id);
        var animators = await db.NetworkAnimators.AsNoTracking().CountAsync(a => a.NetworkId == network.Id);
        var formation = new List<string>();
        foreach (var sql in new[]
        {
            "select count(*) from formation_programmes where CarrierNetworkId = $n",
            "select count(*) from formation_programme_partners where NetworkId = $n",
            "select count(*) from formation_session_quotas where NetworkId = $n",
            "select count(*) from formation_enrolments where NetworkId = $n",
            "select count(*) from formation_need_responses where NetworkId = $n",
        })
        {
            formation.Add((await factory.ScalarAsync<long>(sql, ("$n", network.Id))).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return (network.Id, $"roles {roles}; company {user!.CompanyId}; events {events}; queues {queues}; animators {animators}; formation {string.Join(",", formation)}");
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || (element.GetAttribute("type") is "checkbox" or "radio" && !element.HasAttribute("checked")))
            {
                continue;
            }

            yield return new(name, (element as IHtmlSelectElement)?.Value ?? (element as IHtmlTextAreaElement)?.Value ?? element.GetAttribute("value") ?? "");
        }
    }

    private IEnumerable<string> Urls() => SiteMap.PageUrls(factory.Services, SiteMap.Sample("machinisme-agricole"));
}
