using System.Text.Encodings.Web;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks;

public static class NetworkFilterEndpoint
{
    /// <summary><c>GET /reseaux/options?v=…</c>: every network's <c>&lt;option&gt;</c>, kept a year by browsers when <c>v</c> is the current version.</summary>
    public static IEndpointRouteBuilder MapNetworkFilter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(NetworkFilter.OptionsPath, async (string? v, HttpContext http, INetworkDirectory directory, HtmlEncoder encoder) =>
        {
            var networks = await directory.ListAsync(http.RequestAborted);
            // Another version (the list changed since the page was written): the current list, not kept.
            http.Response.Headers.CacheControl = v == NetworkFilter.VersionOf(networks) ? "public, max-age=31536000, immutable" : "no-cache";
            using var writer = new StringWriter();
            NetworkFilter.All(networks, null).WriteTo(writer, encoder);
            return Results.Content(writer.ToString(), "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
