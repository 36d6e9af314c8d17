using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Platform.Host.Features.Demo;

namespace Platform.Testing;

/// <summary>
/// A browser without a browser: keeps cookies, does not follow redirects (tests see them), reads pages
/// as HTML and posts forms with the antiforgery token of the page that shows the form.
/// </summary>
public class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The underlying client, for plain requests.</summary>
    public HttpClient Client { get; } = client;

    /// <summary>Signs in through the login form; throws when the account or password is refused.</summary>
    public async Task SignInAsync(string email, string password = DemoSeeder.Password)
    {
        var response = await PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {response.StatusCode}");
        }
    }

    /// <summary>GETs a page and parses it.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>GETs <paramref name="formPage"/> (default: <paramref name="url"/>), takes its antiforgery token, and POSTs the fields to <paramref name="url"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null) =>
        PostFieldsAsync(url, fields, formPage);

    /// <summary>
    /// As <see cref="PostFormAsync"/>, with fields that may repeat (checkboxes: <c>("Input.ThemeIds", "3"), ("Input.ThemeIds", "5")</c>).
    /// </summary>
    public async Task<HttpResponseMessage> PostFieldsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var (response, page) = await GetPageAsync(formPage ?? url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {formPage ?? url} ({(int)response.StatusCode})");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Client.PostAsync(url, content);
    }

    /// <summary>
    /// The session's own antiforgery token, as every form it is shown carries it: the sign-out page's (the sign-in
    /// page's when signed out). Pages show one only with a form of their own.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        foreach (var formPage in new[] { "/compte/deconnexion", "/compte/connexion" })
        {
            var (_, page) = await GetPageAsync(formPage);
            if (page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No antiforgery token on the sign-out or the sign-in page");
    }

    /// <summary>
    /// POSTs the fields to <paramref name="url"/> with the session's own antiforgery token (<see cref="AntiforgeryTokenAsync"/>),
    /// without a page that offers the form: what a user the page does not offer it to could forge (a member posting
    /// an animator's action, a form sent after it was withdrawn).
    /// </summary>
    public async Task<HttpResponseMessage> PostWithoutFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", await AntiforgeryTokenAsync())));
        return await Client.PostAsync(url, content);
    }

    /// <summary>Disposes the client.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the client.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Client.Dispose();
        }
    }
}
