using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>
/// Whatever a person types — in a URL, a query string or any field of any form of the site — the
/// answer is never a 5xx and never shows a stack trace (ASVS 2.2.1, 16.5.1). Pages and forms are
/// discovered, not listed: a new page is fuzzed as soon as it exists.
/// </summary>
[Collection(SecurityHost.Name)]
public sealed partial class FuzzTests(SecurityHostFactory factory)
{
    private static readonly string[] Values =
    [
        "", " ", "-1", "0", "2147483647", "2147483648", "-99999999999999999999", "1e309", "NaN", "\0", "a\0b",
        "<script>alert(1)</script>", "\u202Etxet", "'; DROP TABLE Networks;--", "../../../../etc/passwd",
        "2026-02-30", "9999-12-31T25:61", "１２", "%00%ff", new string('é', 20_000),
    ];

    [Fact]
    public async Task EveryPageUrl_WithHostileRouteAndQueryValues_NeverAnswers5xx()
    {
        await EnableNotesAsync();
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var failures = new List<string>();
        foreach (var pattern in PagePatterns())
        {
            // NUL in a path is refused by Kestrel itself (400) before the app; the in-memory test server
            // throws instead, so NUL values go in the query string only.
            foreach (var value in Values.Append("1").Append("sotra"))
            {
                var pathValue = value.Contains('\0', StringComparison.Ordinal) || value.Contains("%00", StringComparison.Ordinal) ? "x" : value;
                var url = Url(pattern, pathValue) + "?page=" + Uri.EscapeDataString(value) + "&q=" + Uri.EscapeDataString(value) + "&handler=" + Uri.EscapeDataString(value);
                foreach (var session in new[] { admin, anonymous })
                {
                    await Check(session.Client.GetAsync(url), $"GET {Short(url)}", failures);
                }
            }
        }

        // Formation's pages with a real programme and real sessions, hostile values in the query string.
        foreach (var url in await FormationUrlsAsync())
        {
            foreach (var value in Values)
            {
                var hostile = url + "?page=" + Uri.EscapeDataString(value) + "&handler=" + Uri.EscapeDataString(value) + "&id=" + Uri.EscapeDataString(value);
                foreach (var session in new[] { admin, anonymous })
                {
                    await Check(session.Client.GetAsync(hostile), $"GET {Short(hostile)}", failures);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryFormOfTheSite_WithHostileValuesInEveryField_NeverAnswers5xx()
    {
        await EnableNotesAsync();
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var failures = new List<string>();
        var forms = 0;
        var formationForms = 0;
        foreach (var url in PagePatterns().Select(p => Url(p, "1")).Concat(await FormationUrlsAsync()).Distinct())
        {
            var (response, page) = await admin.GetPageAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                if (action.StartsWith("/compte/deconnexion", StringComparison.Ordinal))
                {
                    continue; // would end the session the fuzzing runs in
                }

                forms++;
                formationForms += url.Contains("/formation", StringComparison.Ordinal) ? 1 : 0;
                foreach (var value in Values)
                {
                    await Check(admin.Client.PostAsync(action, new FormUrlEncodedContent(Fields(form, value))), $"POST {Short(action)} from {url} with «{Short(value)}»", failures);
                }
            }
        }

        Assert.True(forms >= 3, $"only {forms} forms found");
        Assert.True(formationForms >= 8, $"only {formationForms} forms of Formation found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryForm_WithAFiveMegabyteField_IsRefusedCleanly()
    {
        await EnableNotesAsync();
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var huge = new string('x', 5 * 1024 * 1024);
        var failures = new List<string>();
        var forms = 0;
        foreach (var url in SiteMap.PageUrls(factory.Services, SiteMap.Sample("sotra")).Concat(await FormationUrlsAsync()).Distinct())
        {
            var (response, page) = await admin.GetPageAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var form in page.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
                if (action.StartsWith("/compte/deconnexion", StringComparison.Ordinal))
                {
                    continue;
                }

                forms++;
                await Check(admin.Client.PostAsync(action, new FormUrlEncodedContent(Fields(form, huge))), $"POST 5 MB to {Short(action)}", failures);
            }
        }

        Assert.True(forms >= 3, $"only {forms} forms found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(IHtmlFormElement form, string value)
    {
        foreach (var element in form.Elements.OfType<AngleSharp.Dom.IElement>())
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            // The antiforgery token stays valid: the fuzzing aims at the handlers, not at the CSRF check.
            yield return new(name, name == "__RequestVerificationToken" ? element.GetAttribute("value") ?? "" : value);
        }
    }

    private static async Task Check(Task<HttpResponseMessage> call, string what, List<string> failures)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500 && !IsPluginFailurePage(response, body))
        {
            failures.Add($"{(int)response.StatusCode} for {what}");
        }
        else if (StackTrace().IsMatch(body))
        {
            failures.Add($"stack trace shown for {what}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\n\s+at [\w.`<>]+\.[\w<>]+\(")]
    private static partial System.Text.RegularExpressions.Regex StackTrace();

    /// <summary>
    /// The Notes fixture's /boom page fails on purpose: its 503 is the contained plugin failure (and once it
    /// has failed often enough, the host suspends the fixture's other pages with the same 503). Any other
    /// plugin's 503 is an unhandled exception in it (Formation's included), and fails the test.
    /// </summary>
    private static bool IsPluginFailurePage(HttpResponseMessage response, string body) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable
        && body.Contains("Module temporairement indisponible", StringComparison.Ordinal)
        && response.RequestMessage?.RequestUri?.AbsolutePath.Contains("/notes", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Every endpoint: pages, feeds, the JSON API.</summary>
    private IEnumerable<RoutePattern> PagePatterns() =>
        factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern).DistinctBy(p => p.RawText);

    private static string Url(RoutePattern pattern, string value) =>
        SiteMap.Url(pattern, parameter => parameter.Name == "network" && value == "1" ? "sotra" : value);

    private static string Short(string text) => text.Length > 80 ? text[..80] + "…" : text;

    /// <summary>Enables the Notes fixture for SOTRA, and Formation for SOTRA and for the network carrying its demo programme.</summary>
    private async Task EnableNotesAsync()
    {
        using var scope = factory.Services.CreateScope();
        var enablement = scope.ServiceProvider.GetRequiredService<PluginEnablementService>();
        await enablement.SetAsync("notes", "sotra", true, "test");
        await enablement.SetAsync(SecurityHostFactory.FormationPlugin, "sotra", true, "test");
        await enablement.SetAsync(SecurityHostFactory.FormationPlugin, SecurityHostFactory.FormationDemoCarrier, true, "test");
    }

    /// <summary>Formation's pages, from the network carrying its demo programme, with that programme's real ids.</summary>
    private Task<IReadOnlyList<string>> FormationUrlsAsync() => SiteMap.FormationUrlsAsync(factory, SecurityHostFactory.FormationDemoCarrier);
}
