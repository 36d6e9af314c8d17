using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Host.Web;

/// <summary>The <c>RateLimits</c> configuration section.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts per minute from one address (ASVS 6.1.1: well under 100 an hour per account with lockout).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Form posts and other writes per minute for one user (or one address when anonymous).</summary>
    public int WritesPerMinute { get; set; } = 120;
}

internal static class RateLimits
{
    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Security").LogWarning(
                    "Rate limit refused {Method} {Path} for user {UserId} from {Ip} at {AtUtc:O}",
                    http.Request.Method, Features.Accounts.SecurityLog.Clean(http.Request.Path.Value),
                    http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", http.Connection.RemoteIpAddress, DateTime.UtcNow);
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var method = http.Request.Method;
                if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
                if (http.Request.Path.StartsWithSegments("/compte/connexion", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("signin:" + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.SignInPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                    });
                }

                var who = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "ip:" + address;
                return RateLimitPartition.GetTokenBucketLimiter("write:" + who, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.WritesPerMinute,
                    TokensPerPeriod = options.WritesPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                });
            });
        });
    }
}
