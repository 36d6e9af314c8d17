using Microsoft.EntityFrameworkCore;

namespace Platform.Host.Data;

/// <summary>
/// The host's own migrations, begun on the thread pool as soon as the connection string is known: they need no
/// service of the container, so they run on the second core while the plugins are loaded and the container is
/// built (decision 0022). <see cref="DatabaseInitializer"/> waits for them, and fails with them. Not
/// at design time (<c>dotnet ef</c> builds the host to find its context, and must not migrate the database).
/// </summary>
internal sealed class HostMigrations
{
    private HostMigrations(Task done) => Done = done;

    /// <summary>Completes when the database has every migration of the host and is in WAL mode.</summary>
    public Task Done { get; }

    public static HostMigrations Begin(string connectionString) =>
        new(EF.IsDesignTime ? Task.CompletedTask : Task.Run(() => MigrateAsync(connectionString)));

    private static async Task MigrateAsync(string connectionString)
    {
        var options = (DbContextOptions<PlatformDbContext>)DataServiceCollectionExtensions
            .Configure(new DbContextOptionsBuilder<PlatformDbContext>(), connectionString).Options;
        await using var db = new PlatformDbContext(options);
        await db.Database.MigrateIfPendingAsync();
        // WAL is persistent in the file: set once here, it holds for every later connection.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
