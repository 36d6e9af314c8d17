using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Purchasing;

/// <summary>Drives the pledge forms of <c>/achats/{id}</c> the way a browser does: render, then post with the rendered key.</summary>
internal static partial class PledgeForms
{
    /// <summary>A rendered form, ready to post (and to post again, like a double click).</summary>
    public sealed record Form(string Url, Dictionary<string, string> Fields)
    {
        public Task<HttpResponseMessage> PostAsync(HttpClient client) => client.PostAsync(Url, new FormUrlEncodedContent(Fields));
    }

    public static async Task<Form> RenderAsync(BrowserSession session, int queueId, string handler, int? quantity = null, string? pageUrl = null)
    {
        var (response, page) = await session.GetPageAsync(pageUrl ?? $"/achats/{queueId}");
        response.EnsureSuccessStatusCode();
        // When the page does not offer the form (the queue closed meanwhile, or it is not the member's), post
        // what a page loaded just before would have: the session's own token and a fresh key.
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action")?.Contains("handler=" + handler, StringComparison.Ordinal) == true);
        var token = form?.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")
            ?? await session.AntiforgeryTokenAsync();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.IdempotencyKey"] = form?.QuerySelector("input[name='Input.IdempotencyKey']")!.GetAttribute("value") ?? Guid.NewGuid().ToString("N"),
        };
        if (quantity is { } q)
        {
            fields["Input.Quantity"] = q.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new Form($"/achats/{queueId}?handler={handler}", fields);
    }

    public static async Task<HttpResponseMessage> PledgeAsync(BrowserSession session, int queueId, int quantity) =>
        await (await RenderAsync(session, queueId, "Pledge", quantity)).PostAsync(session.Client);

    /// <summary>The accepted total the page shows (« 1 234 lot engagés sur… »).</summary>
    public static long ShownTotal(IHtmlDocument page)
    {
        var text = page.QuerySelector("[data-progress]")!.TextContent;
        return long.Parse(NonDigits().Replace(text[..text.IndexOf("engagés", StringComparison.Ordinal)], ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("[^0-9]")]
    private static partial Regex NonDigits();
}
