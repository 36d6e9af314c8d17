using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Health;

/// <summary><c>/healthz</c>: whether the database answers, and each plugin's status.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (PlatformDbContext db, PluginCatalog catalog, CancellationToken cancellationToken) =>
        {
            bool databaseUp;
            try
            {
                databaseUp = await db.Database.CanConnectAsync(cancellationToken)
                    && await db.PluginStateVersions.AsNoTracking().AnyAsync(cancellationToken);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                databaseUp = false;
            }

            var body = new
            {
                status = databaseUp ? "ok" : "down",
                database = databaseUp ? "ok" : "unreachable",
                safeMode = catalog.SafeMode,
                plugins = catalog.All.Select(p => new
                {
                    id = p.Id,
                    version = p.Manifest?.Version,
                    status = p.Status.ToString(),
                    reason = p.Reason,
                }),
            };
            return Results.Json(body, statusCode: databaseUp ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return endpoints;
    }
}
