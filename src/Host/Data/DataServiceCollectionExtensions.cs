using Microsoft.EntityFrameworkCore;
using Platform.Host.Data.CompiledModel;

namespace Platform.Host.Data;

public static class DataServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPlatformData(this WebApplicationBuilder builder)
    {
        SqliteEngine.EnsureConfigured();
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new PlatformConnection(connectionString));
        // Built by the container, which closes its connections when the host stops.
        builder.Services.AddSingleton<PreparedReads>();
        // Pooled: a request reuses a context instead of building one (DESIGN §9: AddDbContextPool +150 % on
        // a 20-row page). The pooled factory also registers PlatformDbContext as a scoped service.
        builder.Services.AddPooledDbContextFactory<PlatformDbContext>((services, o) =>
        {
            Configure(o, connectionString);
            if (options.PrepareReads)
            {
                o.AddInterceptors(services.GetRequiredService<PreparedReads>());
            }
        });
        builder.Services.AddSingleton(HostMigrations.Begin(connectionString));
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<DatabaseWriter>();
        return builder;
    }

    /// <summary>The options of every <see cref="PlatformDbContext"/>: SQLite, its pragmas, and the compiled model.</summary>
    internal static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString)
    {
        builder.UseSqlite(connectionString).AddInterceptors(SqlitePragmaInterceptor.Instance);
        // The compiled model (Data/CompiledModel, `dotnet ef dbcontext optimize`): the model is not
        // built at start-up. Not at design time: `dotnet ef migrations add` compares the model built
        // from the code. CompiledModelTests fails when the two differ.
        if (!EF.IsDesignTime)
        {
            builder.UseModel(PlatformDbContextModel.Instance);
        }

        return builder;
    }
}

/// <summary>The connection string of the platform database, for code that is not a host context.</summary>
public sealed record PlatformConnection(string ConnectionString);
