using Autofac;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;
using Platform.Abstractions.Events;
using Platform.Abstractions.Plugins;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

public static class PluginsWebApplicationExtensions
{
    /// <summary>
    /// Loads and checks the installed plugins, then registers what the loaded ones bring: their
    /// services, Autofac modules, MVC parts and routes.
    /// </summary>
    public static WebApplicationBuilder AddPlugins(this WebApplicationBuilder builder, IMvcBuilder mvc)
    {
        var options = builder.Configuration.GetSection("Plugins").Get<PluginOptions>() ?? new PluginOptions();
        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole().AddConfiguration(builder.Configuration.GetSection("Logging")));
        var connection = builder.Services.Single(d => d.ServiceType == typeof(PlatformConnection)).ImplementationInstance as PlatformConnection;
        var loader = new PluginRuntimeLoader(options, builder.Configuration, connection!.ConnectionString, loggerFactory.CreateLogger("Platform.Plugins"));
        var catalog = loader.Load(builder.Services);

        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton<EnablementSnapshots>();
        builder.Services.AddSingleton<EnablementVersionReader>();
        builder.Services.AddScoped<PluginEnablementService>();
        builder.Services.AddScoped<PluginStartup>();
        builder.Services.AddScoped<PluginDemoStartup>();
        builder.Services.AddScoped<PluginApprovalService>();
        builder.Services.AddScoped<IPluginSettings, PluginSettingsStore>();
        builder.Services.AddScoped<IDomainEventPublisher, DomainEventPublisher>();

        builder.Host.ConfigureContainer<ContainerBuilder>(container =>
        {
            foreach (var plugin in catalog.Loaded.Where(p => p.Module is not null))
            {
                container.RegisterModule(plugin.Module!);
            }
        });

        mvc.ConfigureApplicationPartManager(parts =>
        {
            foreach (var plugin in catalog.Loaded)
            {
                foreach (var part in PluginRazorPart.For(plugin.Assembly!, plugin.Id))
                {
                    parts.ApplicationParts.Add(part);
                }
            }
        });
        mvc.AddRazorPagesOptions(o => o.Conventions.Add(new PluginRouteConvention(catalog)));
        return builder;
    }

    /// <summary>
    /// Serves each loaded plugin's <c>wwwroot</c> under <c>/_content/&lt;Id&gt;/</c>; the plugins are read at the
    /// first file asked for, after their migrations (<see cref="PluginWebRootFileProvider"/>).
    /// </summary>
    public static WebApplication UsePluginStaticFiles(this WebApplication app)
    {
        app.Environment.WebRootFileProvider = new PluginWebRootFileProvider(
            app.Environment.WebRootFileProvider, app.Services.GetRequiredService<PluginCatalog>());
        return app;
    }

    /// <summary>The per-network gate: plugin pages answer only where their plugin is enabled.</summary>
    public static WebApplication UsePluginGate(this WebApplication app)
    {
        app.UseMiddleware<PluginGateMiddleware>();
        return app;
    }
}
