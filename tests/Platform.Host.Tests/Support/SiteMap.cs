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
