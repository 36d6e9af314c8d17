using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks;

/// <summary>
/// The network named by the request's <c>{network}</c> route value. Found once per request by
/// <see cref="CurrentNetworkMiddleware"/>, before the plugin gate and the page run, and kept in the request's
/// features, where the container's <see cref="ICurrentNetwork"/>, the gate and the layout read it.
/// </summary>
internal sealed class CurrentNetwork(NetworkInfo? network) : ICurrentNetwork
{
    /// <summary>Outside a network's pages.</summary>
    public static readonly CurrentNetwork None = new(null);

    public NetworkInfo? Network { get; } = network;
}

internal sealed class CurrentNetworkMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetRouteValue("network") is string slug)
        {
            // Resolved only for a /c/{network}/… URL (as InvokeAsync's parameters, on every request).
            var directory = context.RequestServices.GetRequiredService<INetworkDirectory>();
            if (await directory.FindBySlugAsync(slug, context.RequestAborted) is not { } network)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Features.Set<ICurrentNetwork>(new CurrentNetwork(network));
        }

        await next(context);
    }
}
