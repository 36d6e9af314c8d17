using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Host.Web;

/// <summary>
/// Behind the HTTPS reverse proxy (README, « Deploying »): the client's address and scheme as the proxy
/// forwards them (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>). Without them every request would come
/// from the proxy over HTTP: one sign-in limit for the whole site, the proxy's address in the security log,
/// no HSTS. Trusted from the loopback addresses (a proxy on the same machine) and from the addresses in
/// <c>ReverseProxy:KnownProxies</c>; from anywhere else the headers are ignored.
/// </summary>
internal static class ReverseProxy
{
    public static IServiceCollection AddReverseProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var known = new List<IPAddress>();
        foreach (var text in configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
        {
            // A mistyped address stops the start-up here, rather than leaving the proxy untrusted unnoticed.
            known.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: « {text} » is not an IP address."));
        }

        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in known)
            {
                o.KnownProxies.Add(address);
            }
        });
    }
}
