using Microsoft.Data.Sqlite;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Platform.Host.Resilience;

/// <summary>The host's named Polly pipelines, defined once here.</summary>
public static class ResiliencePipelines
{
    /// <summary>Wraps a whole write transaction: retried when SQLite answers busy or locked.</summary>
    public const string DatabaseWrite = "database-write";

    /// <summary>Outbound mail: timeout, retry, circuit breaker.</summary>
    public const string Mail = "mail";

    /// <summary>The name of a plugin's circuit breaker in one scope (<see cref="PluginCircuitBreakers"/>): <c>plugin:&lt;id&gt;:&lt;scope&gt;</c>.</summary>
    public static string Plugin(string pluginId, string scope) => $"plugin:{pluginId.ToLowerInvariant()}:{scope}";

    public static IServiceCollection AddPlatformResilience(this IServiceCollection services)
    {
        services.AddResiliencePipeline(DatabaseWrite, b => b.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<SqliteException>(e => e.SqliteErrorCode is 5 or 6),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(50),
        }));

        services.AddResiliencePipeline(Mail, b => b
            .AddTimeout(TimeSpan.FromSeconds(30))
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Exponential })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 5, BreakDuration = TimeSpan.FromMinutes(1) }));

        services.AddSingleton<PluginCircuitBreakers>();
        return services;
    }
}
