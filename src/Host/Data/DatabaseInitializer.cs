using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;

namespace Platform.Host.Data;

/// <summary>
/// Brings the database up to date at start-up: the host's migrations, WAL mode, the demo data when
/// demo mode is on, then the plugins' migrations and recorded statuses, and in demo mode the plugins'
/// demo enablements (<c>Demo:Plugins</c>) and demo data.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Begun with the host's building (HostMigrations): the host's migrations and WAL mode.
        await services.GetRequiredService<HostMigrations>().Done.WaitAsync(cancellationToken);

        var demo = configuration.GetValue<bool>("Demo:Enabled");
        if (demo)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }

        await services.GetRequiredService<PluginStartup>().RunAsync(cancellationToken);

        // After the plugins' migrations: a plugin whose migrations failed is no longer loaded, so
        // it is neither enabled nor seeded.
        if (demo)
        {
            await services.GetRequiredService<PluginDemoStartup>().RunAsync(cancellationToken);
        }
    }
}

public static class DatabaseInitializerExtensions
{
    /// <summary>
    /// Applies the migrations the database lacks, if it lacks any. <c>MigrateAsync</c> alone would also
    /// build the model of the migrations' snapshot and compare it with the context's model on every
    /// start (EF Core 9's pending-model-changes check), a cost paid by every start-up for a check that
    /// belongs to development: <c>dotnet ef migrations has-pending-model-changes</c> and the tests run it.
    /// </summary>
    public static async Task MigrateIfPendingAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if ((await database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await database.MigrateAsync(cancellationToken);
        }
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }
}
