using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

/// <summary>The host's part in plugins' own DbContexts: connection pragmas and migrations.</summary>
internal static class PluginDbContexts
{
    private static readonly System.Reflection.MethodInfo AddInterceptorsMethod =
        typeof(PluginDbContexts).GetMethod(nameof(AddInterceptors), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>Adds the SQLite pragma interceptor to a plugin context, whatever options the plugin gave.</summary>
    public static void AddHostInterceptors(IServiceCollection services, Type contextType) =>
        AddInterceptorsMethod.MakeGenericMethod(contextType).Invoke(null, [services]);

    private static void AddInterceptors<TContext>(IServiceCollection services)
        where TContext : DbContext =>
        services.ConfigureDbContext<TContext>((_, o) => o.AddInterceptors(SqlitePragmaInterceptor.Instance));
}
