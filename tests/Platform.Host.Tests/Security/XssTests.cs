using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>
/// Stored XSS (ASVS 1.2.1, 3.4.3): payloads are posted into every field of every form the site shows,
/// then every page is read back and parsed: no script, event handler or javascript: link may carry a
/// payload. Forms and pages are discovered, so new features are covered as they arrive.
/// </summary>
[Collection(SecurityHost.Name)]
public sealed class XssTests(SecurityHostFactory factory)
{
    private const string Marker = "xss4747";

    private static readonly string[] Payloads =
    [
        $"<script>window.{Marker}=1</script>",
        $"\"><img src=x onerror=\"window.{Marker}=1\">",
        $"'><svg onload=window.{Marker}=1>",
        $"javascript:window.{Marker}=1",
        $"<a href=\"javascript:window.{Marker}=1\">lien</a>",
        $"{{{{constructor.constructor('window.{Marker}=1')()}}}}",
    ];

    [Fact]
    public async Task PayloadsStoredThroughEveryForm_NeverComeBackAsMarkup()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var enablement = scope.ServiceProvider.GetRequiredService<PluginEnablementService>();
            await enablement.SetAsync("notes", "groupe-innovation", true, "test");
            await enablement.SetAsync(SecurityHostFactory.FormationPlugin, "groupe-innovation", true, "test");
            await enablement.SetAsync(SecurityHostFactory.FormationPlugin, SecurityHostFactory.FormationDemoCarrier, true, "test");
        }

        // The demo member belongs to the network carrying Formation's demo programme: they enrol employees.
        var urls = await UrlsAsync();

        // The member first: the administrator's posts may cancel the sessions they enrol in.
        foreach (var email in new[] { DemoSeeder.Members[0].Email, DemoSeeder.AdminEmail, DemoSeeder.AnimatorEmail("groupe-innovation") })
        {
            using var session = await BrowserSession.SignInAsync(factory, email);
            await PostEverywhereAsync(session, urls);
        }

        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var injected = new List<string>();
        var pages = 0;
        var shown = 0;
        var formationShown = 0;
        foreach (var url in urls)
        {
            var (response, page) = await admin.GetPageAsync(url);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            var shows = page.Body?.TextContent.Contains(Marker, StringComparison.Ordinal) == true ? 1 : 0;
            shown += shows;
            formationShown += url.Contains("/formation", StringComparison.Ordinal) ? shows : 0;
            injected.AddRange(Injections(page).Select(i => $"{url}: {i}"));
        }

        Assert.True(pages >= 5, $"only {pages} pages read");
        // The payloads were stored and are shown — as text.
        Assert.True(shown >= 1, "no page shows a stored payload: the test would prove nothing");
        Assert.True(formationShown >= 3, $"only {formationShown} pages of Formation show a stored payload");
        Assert.True(injected.Count == 0, string.Join("\n", injected));
    }

    private static async Task PostEverywhereAsync(BrowserSession session, IReadOnlyList<string> urls)
    {
        foreach (var url in urls)
        {
            var (response, page) = await session.GetPageAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                if (action.StartsWith("/compte/", StringComparison.Ordinal) || action.Contains("handler=Disable", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var payload in Payloads)
                {
                    await session.Client.PostAsync(action, new FormUrlEncodedContent(Fields(form, payload)));
                }
            }
        }
    }

    private static IEnumerable<string> Injections(IHtmlDocument page)
    {
        foreach (var script in page.Scripts.Where(s => s.Text.Contains(Marker, StringComparison.Ordinal)))
        {
            yield return "script " + script.OuterHtml;
        }

        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var scripted = attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (attribute.Name is "href" or "src" or "action" or "formaction" && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
                if (scripted && attribute.Value.Contains(Marker, StringComparison.Ordinal))
                {
                    yield return $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">";
                }
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(IHtmlFormElement form, string payload)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var type = element.GetAttribute("type");
            var keep = name == "__RequestVerificationToken" || type is "hidden" or "number" or "date" or "datetime-local" or "checkbox" or "radio" || element is IHtmlSelectElement;
            yield return new(name, keep ? (element as IHtmlSelectElement)?.Value ?? element.GetAttribute("value") ?? "" : payload);
        }
    }

    /// <summary>Every page from groupe-innovation's side, and Formation's from the network carrying its demo programme.</summary>
    private async Task<IReadOnlyList<string>> UrlsAsync() =>
        [.. SiteMap.PageUrls(factory.Services, SiteMap.Sample("groupe-innovation")).Concat(await SiteMap.FormationUrlsAsync(factory, SecurityHostFactory.FormationDemoCarrier)).Distinct()];
}
