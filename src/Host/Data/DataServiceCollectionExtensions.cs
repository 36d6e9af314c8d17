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
            o.UseSqlite(connectionString).AddInterceptors(SqlitePragmaInterceptor.Instance);
            if (options.PrepareReads)
            {
                o.AddInterceptors(services.GetRequiredService<PreparedReads>());
            }

            // The compiled model (Data/CompiledModel, `dotnet ef dbcontext optimize`): the model is not
            // built at start-up. Not at design time: `dotnet ef migrations add` compares the model built
            // from the code. CompiledModelTests fails when the two differ.
            if (!EF.IsDesignTime)
            {
                o.UseModel(PlatformDbContextModel.Instance);
            }
        });
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<DatabaseWriter>();
        return builder;
    }
}

/// <summary>The connection string of the platform database, for code that is not a host context.</summary>
public sealed record PlatformConnection(string ConnectionString);
