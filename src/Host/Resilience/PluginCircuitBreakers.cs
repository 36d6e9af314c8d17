using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;

namespace Platform.Host.Resilience;

/// <summary>
/// The circuit breaker of each plugin in each scope — a network's pages (<c>{network}</c>), or the plugin's event
/// handlers (<c>events</c>) — made on first use: it opens after 5 failures in 30 s (at least half of the calls)
/// and lets a trial call through after 30 s.
/// </summary>
/// <remarks>
/// Every plugin request runs inside one, so each call is kept to the breaker's own work. A pipeline from the
/// container's registry wraps each call in two more asynchronous layers (its count of executions in flight, and
/// the telemetry's timing of each execution, a metric nobody reads here), and Polly's exception API in three more
/// (the callback's result converted to the breaker's, and back). Measured by hand in turn with the host's
/// <c>/reseaux</c> (bench/README.md, session 21): the plugin page served 90.6 % of its requests a second with
/// those (mean of six measurements), 92.7 % with this (three), 94.4 % with no breaker at all (two). What the
/// telemetry logged that matters — a circuit opening, letting a trial through, closing — is logged here.
/// </remarks>
public sealed class PluginCircuitBreakers(TimeProvider time, ILogger<PluginCircuitBreakers> logger)
{
    // A plugin's id is found in any case (PluginCatalog, EnablementSnapshot); so is its breaker.
    private readonly ConcurrentDictionary<(string PluginId, string Scope), ResiliencePipeline> _pipelines = new(KeyComparer.Instance);

    /// <summary>
    /// Runs <paramref name="work"/> inside the circuit breaker of <paramref name="pluginId"/> in <paramref name="scope"/>
    /// and gives back what went wrong, or null: the exception <paramref name="work"/> threw (counted against the plugin),
    /// or a <see cref="BrokenCircuitException"/> when the circuit is open and <paramref name="work"/> did not run.
    /// </summary>
    public async ValueTask<Exception?> RunAsync<TState>(
        string pluginId, string scope, Func<TState, Task> work, TState state, CancellationToken cancellationToken)
    {
        // Polly's outcome API: no exception thrown through its layers, and the callback is of the strategy's own
        // type (a breaker of any result is a strategy of object), so no layer converts the outcome on the way.
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var outcome = await For(pluginId, scope).ExecuteOutcomeAsync(
                static async (_, run) =>
                {
                    try
                    {
                        await run.work(run.state);
                        return Outcome.FromResult<object>(null!);
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<object>(e);
                    }
                },
                context,
                (work, state));
            return outcome.Exception;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline For(string pluginId, string scope) =>
        _pipelines.TryGetValue((pluginId, scope), out var pipeline)
            ? pipeline
            : _pipelines.GetOrAdd((pluginId, scope), static (key, self) => self.Build(key.PluginId, key.Scope), this);

    private ResiliencePipeline Build(string pluginId, string scope) =>
        new ResiliencePipelineBuilder { Name = ResiliencePipelines.Plugin(pluginId, scope), TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                OnOpened = args =>
                {
                    logger.LogWarning(
                        args.Outcome.Exception, "Circuit of plugin {PluginId} in {Scope} opened for {BreakDuration}", pluginId, scope, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    logger.LogInformation("Circuit of plugin {PluginId} in {Scope} half-open: a trial call goes through", pluginId, scope);
                    return default;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Circuit of plugin {PluginId} in {Scope} closed", pluginId, scope);
                    return default;
                },
            })
            .Build();

    private sealed class KeyComparer : IEqualityComparer<(string PluginId, string Scope)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string PluginId, string Scope) x, (string PluginId, string Scope) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.PluginId, y.PluginId) && StringComparer.OrdinalIgnoreCase.Equals(x.Scope, y.Scope);

        public int GetHashCode((string PluginId, string Scope) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.PluginId), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Scope));
    }
}
