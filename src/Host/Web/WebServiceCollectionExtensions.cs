using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Localization;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Networks;
using Platform.Host.Plugins;
using Platform.Host.Resilience;

namespace Platform.Host.Web;

public static class WebServiceCollectionExtensions
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en")];

    public static IMvcBuilder AddPlatformWeb(this WebApplicationBuilder builder)
    {
        builder.Host.UseServiceProviderFactory(new DeferredConstructorsServiceProviderFactory());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPlatformResilience();
        builder.Services.AddReverseProxyHeaders(builder.Configuration);
        builder.Services.AddPlatformRateLimits(builder.Configuration);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // The network CurrentNetworkMiddleware found for the request (none outside /c/{network}/… and outside a request).
        builder.Services.AddScoped<ICurrentNetwork>(sp => sp.GetService<IHttpContextAccessor>()?.HttpContext?.Features.Get<ICurrentNetwork>() ?? CurrentNetwork.None);
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<INetworkDirectory, NetworkDirectory>();
        builder.Services.AddScoped<NetworkDirectory>();
        builder.Services.AddSingleton<NetworkNavigation>();
        builder.Services.Configure<NetworkFilterOptions>(builder.Configuration.GetSection("Networks"));
        builder.Services.AddScoped<DemoSeeder>();

        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        // The <cache> tag helper keeps the agenda's lists and the statistics' tables (20–200 KB each): at
        // most 16 MB of them, not the 100 MB it allows by default, whatever pages a crawler walks through.
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(o => o.SizeLimit = 16 * 1024 * 1024);
        // French pages: accented letters are written as they are, not as &#xE9; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        var mvc = builder.Services
            .AddRazorPages(o =>
            {
                // Each feature folder owns its pages: Features/<Feature>/Pages/*.cshtml, with French
                // absolute routes in their @page directives.
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Admin", AccountsServiceCollectionExtensions.AdminPolicy);
                o.Conventions.AuthorizeFolder("/Notifications");
            })
            .AddMvcOptions(o => o.ModelBindingMessageProvider.UseFrench());
        builder.Services.AddLeanViewHelpers();
        return mvc;
    }

    public static WebApplication UsePlatformWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        app.UseMiddleware<UnreadableRequestMiddleware>();
        app.UseRequestLocalization();
        app.UsePluginStaticFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<CurrentNetworkMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UsePluginGate();
        app.UseAuthorization();
        return app;
    }
}
