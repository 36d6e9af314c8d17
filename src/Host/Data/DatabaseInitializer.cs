using Microsoft.EntityFrameworkCore;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;

namespace Platform.Host.Data;

/// <summary>
/// Brings the database up to date at start-up: the host's migrations, WAL mode, the demo data when
/// demo mode is on, then the plugins' migrations and recorded statuses.
/// </summary>
public sealed class DatabaseInitializer(PlatformDbContext db, IServiceProvider services, IConfiguration configuration)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        // WAL is persistent in the file: set once here, it holds for every later connection.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        await services.GetRequiredService<PluginStartup>().RunAsync(cancellationToken);
    }
}

public static class DatabaseInitializerExtensions
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
