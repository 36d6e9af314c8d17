using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Host.Tests.Support;

/// <summary>
/// The pages of a running host, read from its endpoint data source, and concrete URLs for them: the
/// security tests discover what to attack instead of listing it, so a new page is covered at once.
/// </summary>
public static class SiteMap
{
    /// <summary>Every Razor page endpoint (host and plugins).</summary>
    public static IEnumerable<RouteEndpoint> PageEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null);

    /// <summary>A URL for each page, route parameters filled by <paramref name="value"/>; one per distinct URL.</summary>
    public static IEnumerable<string> PageUrls(IServiceProvider services, Func<RoutePatternParameterPart, string> value) =>
        PageEndpoints(services).Select(e => Url(e.RoutePattern, value)).Distinct();

    /// <summary>Fills a route pattern's parameters (values are URL-escaped).</summary>
    public static string Url(RoutePattern pattern, Func<RoutePatternParameterPart, string> value) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter)),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    /// <summary>
    /// The pages of the Formation plugin (read from the endpoint data source, so new ones are included),
    /// from <paramref name="network"/>, with real ids: the first programme that network carries or joined
    /// (in the security host, the demo programme), its first held session and its first sessions to come.
    /// Empty when the network has no programme.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FormationUrlsAsync(PlatformFactory factory, string network)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var programme = await factory.ScalarAsync<long?>(
            """
            select p.Id from formation_programmes p join Networks n on n.Slug = $n
            where p.CarrierNetworkId = n.Id or exists (select 1 from formation_programme_partners x where x.ProgrammeId = p.Id and x.NetworkId = n.Id)
            order by p.Id limit 1
            """, ("$n", network));
        if (programme is not { } programmeId)
        {
            return [];
        }

        var sessions = (await factory.QueryAsync(
            """
            select Id from (select Id from formation_sessions where ProgrammeId = $p and Status = 2 order by Id limit 1) -- held
            union select Id from (select Id from formation_sessions where ProgrammeId = $p and Status in (0, 1) order by StartUtc limit 2) -- to come
            """, ("$p", programmeId)))
            .Select(r => Convert.ToInt64(r["Id"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var urls = new List<string>();
        foreach (var endpoint in PageEndpoints(factory.Services))
        {
            var pattern = (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (!pattern.StartsWith("c/{network}/formation", StringComparison.Ordinal))
            {
                continue;
            }

            var ids = pattern.StartsWith("c/{network}/formation/sessions/", StringComparison.Ordinal) ? sessions : [programmeId];
            urls.AddRange(ids.Select(id => Url(endpoint.RoutePattern, parameter => parameter.Name == "network" ? network : id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return [.. urls.Distinct()];
    }

    /// <summary>
    /// The usual sample values: a real network for <c>{network}</c>, a plugin id for the admin's untyped
    /// <c>{id}</c>, and 1 for the other (numeric) parameters.
    /// </summary>
    public static Func<RoutePatternParameterPart, string> Sample(string network) => parameter => parameter switch
    {
        { Name: "network" } => network,
        { Name: "id", ParameterPolicies.Count: 0 } => "notes",
        _ => "1",
    };
}
