using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>CSRF (ASVS 3.5.1): every unsafe handler of the host and of the plugins refuses a post without a token.</summary>
[Collection(SecurityHost.Name)]
public sealed class AntiforgeryTests(SecurityHostFactory factory)
{
    /// <summary>Pages allowed to take posts without a token, and why.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "/Errors/Pages/Error", // re-executed for a failed POST's status code: must render, never changes anything
    };

    [Fact]
    public async Task EveryPostHandler_RefusesARequestWithoutAntiforgeryToken()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var enablement = scope.ServiceProvider.GetRequiredService<PluginEnablementService>();
            await enablement.SetAsync("notes", "cinema-economie-creative", true, "test");
            await enablement.SetAsync(SecurityHostFactory.FormationPlugin, "cinema-economie-creative", true, "test");
        }

        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        var checkedHandlers = 0;
        foreach (var (url, page, handler) in await PostHandlersAsync())
        {
            var target = handler is null ? url : $"{url}?handler={handler}";
            var response = await admin.Client.PostAsync(target, new FormUrlEncodedContent([new("network", "sotra"), new("text", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{page} ({target}) answered {(int)response.StatusCode} without a token");
            checkedHandlers++;
        }

        // Login, logout, notifications, the admin toggles and the Notes plugin's form at least.
        Assert.True(checkedHandlers >= 6, $"only {checkedHandlers} handlers found");
    }

    private async Task<List<(string Url, string Page, string? Handler)>> PostHandlersAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var result = new List<(string, string, string?)>();
        foreach (var endpoint in SiteMap.PageEndpoints(factory.Services))
        {
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
            if (Allowed.Contains(descriptor.ViewEnginePath))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var ignores = compiled.ModelTypeInfo?.GetCustomAttributes(typeof(IgnoreAntiforgeryTokenAttribute), true).Length > 0;
            Assert.False(ignores, $"{descriptor.ViewEnginePath} ignores antiforgery tokens and is not on the allowlist");
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)))
            {
                result.Add((SiteMap.Url(endpoint.RoutePattern, SiteMap.Sample("cinema-economie-creative")), descriptor.ViewEnginePath, handler.Name));
            }
        }

        return result.Distinct().ToList();
    }
}
