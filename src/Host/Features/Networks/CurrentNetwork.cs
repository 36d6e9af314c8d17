using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks;

/// <summary>
/// The network named by the request's <c>{network}</c> route value. Resolved once per request by
/// <see cref="CurrentNetworkMiddleware"/>, before the plugin gate and the page run.
/// </summary>
internal sealed class CurrentNetwork : ICurrentNetwork
{
    public NetworkInfo? Network { get; set; }
}

internal sealed class CurrentNetworkMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetRouteValue("network") is string slug)
        {
            // Resolved only for a /c/{network}/… URL (as InvokeAsync's parameters, on every request).
            var current = context.RequestServices.GetRequiredService<CurrentNetwork>();
            var directory = context.RequestServices.GetRequiredService<INetworkDirectory>();
            current.Network = await directory.FindBySlugAsync(slug, context.RequestAborted);
            if (current.Network is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // For the plugin gate, which reads it without the request's container.
            context.Features.Set<ICurrentNetwork>(current);
        }

        await next(context);
    }
}
