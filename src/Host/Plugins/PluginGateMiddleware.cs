using Platform.Abstractions.Networks;
using Platform.Host.Resilience;
using Polly.CircuitBreaker;
using Polly.Registry;

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
    RequestDelegate next, EnablementSnapshots enablement, ResiliencePipelineRegistry<string> pipelines, ILogger<PluginGateMiddleware> logger)
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

        try
        {
            await pipelines.ForPlugin(plugin.PluginId, network.Slug)
                .ExecuteAsync(static async (state, _) => await state.next(state.context), (next, context), context.RequestAborted);
        }
        catch (BrokenCircuitException)
        {
            Unavailable(context, plugin.PluginId);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Plugin {PluginId} failed on {Path} for network {Network}", plugin.PluginId, context.Request.Path.Value, network.Slug);
            Unavailable(context, plugin.PluginId);
        }
    }

    private static void Unavailable(HttpContext context, string pluginId)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Items[UnavailablePluginItem] = pluginId;
    }
}
