using System.Runtime.ExceptionServices;
using Platform.Abstractions.Networks;
using Platform.Host.Resilience;
using Polly.CircuitBreaker;

namespace Platform.Host.Plugins;

/// <summary>
/// Sits between routing and the endpoints. For a plugin page it answers 404 unless the plugin is
/// loaded and enabled for the <c>{network}</c> of the URL (before any page model is built), then runs
/// the page inside the plugin's circuit breaker: an exception, or an open circuit, becomes a 503
/// « module temporairement indisponible » page while the rest of the site keeps answering.
/// </summary>
/// <remarks>
/// What it needs is built once, in its constructor (singletons): resolving services through the request's
/// container on every plugin request cost a fortieth of a plugin page's CPU (bench/README.md).
/// </remarks>
internal sealed class PluginGateMiddleware(
    RequestDelegate next, EnablementSnapshots enablement, PluginCircuitBreakers breakers, ILogger<PluginGateMiddleware> logger)
{
    public const string UnavailablePluginItem = "platform:unavailable-plugin";

    public async Task InvokeAsync(HttpContext context)
    {
        var plugin = context.GetEndpoint()?.Metadata.GetMetadata<PluginEndpointMetadata>();
        if (plugin is null)
        {
            await next(context);
            return;
        }

        // The network of the URL, as CurrentNetworkMiddleware found it.
        var network = context.Features.Get<ICurrentNetwork>()?.Network;
        var snapshot = await enablement.CurrentAsync(context.RequestAborted);
        if (network is null || !enablement.Allows(snapshot, plugin.PluginId, network.Id))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // The page's network menu (NetworkNavigation) shows what the gate let through, without reading it again.
        context.Features.Set(snapshot);

        var failure = await breakers.RunAsync(plugin.PluginId, network.Slug, static run => run.next(run.context), (next, context), context.RequestAborted);
        switch (failure)
        {
            case null:
                return;
            case BrokenCircuitException:
                Unavailable(context, plugin.PluginId);
                return;
            case { } when context.Response.HasStarted || context.RequestAborted.IsCancellationRequested:
                // Too late for the 503 page, or nobody is there to read it: the host's own handling, as for any page.
                ExceptionDispatchInfo.Throw(failure);
                return;
            default:
                logger.LogError(failure, "Plugin {PluginId} failed on {Path} for network {Network}", plugin.PluginId, context.Request.Path.Value, network.Slug);
                Unavailable(context, plugin.PluginId);
                return;
        }
    }

    private static void Unavailable(HttpContext context, string pluginId)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Items[UnavailablePluginItem] = pluginId;
    }
}
