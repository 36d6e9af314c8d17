using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Platform.Host.Features.Accounts;

/// <summary>Logs every refused access (ASVS 16.3.2) — who, which network, which route, when — then lets the default handler answer.</summary>
internal sealed class LoggingAuthorizationResultHandler(TimeProvider time, ILogger<LoggingAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden || authorizeResult.Challenged)
        {
            logger.LogWarning(
                "Access refused ({Outcome}) to {Method} {Route} for user {UserId}, network {Network}, at {AtUtc:O}",
                authorizeResult.Forbidden ? "forbidden" : "challenged",
                context.Request.Method,
                SecurityLog.Clean(context.Request.Path.Value),
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
                SecurityLog.Clean(context.GetRouteValue("network") as string) ?? "-",
                time.GetUtcNow().UtcDateTime);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Helpers for security log entries.</summary>
internal static class SecurityLog
{
    /// <summary>User-supplied text in a log line: CR/LF neutralised (log injection, ASVS 16.4.1), length capped.</summary>
    public static string? Clean(string? value) =>
        value is null ? null : (value.Length > 200 ? value[..200] : value).Replace('\r', '_').Replace('\n', '_');
}
