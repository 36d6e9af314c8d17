using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Platform.Host.Features.Demo;

namespace Platform.Host.Tests.Support;

/// <summary>A cookie-keeping client that reads pages as HTML and posts forms with their antiforgery token.</summary>
public sealed class BrowserSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public static async Task<BrowserSession> SignInAsync(PlatformFactory factory, string email, string password = DemoSeeder.Password)
    {
        var session = new BrowserSession(factory.CreateBrowser());
        var response = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        }

        return session;
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>GETs <paramref name="formPage"/> (default: <paramref name="url"/>), takes its antiforgery token, and POSTs the fields to <paramref name="url"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var (_, page) = await GetPageAsync(formPage ?? url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}");
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(url, content);
    }

    public void Dispose() => Client.Dispose();
}
