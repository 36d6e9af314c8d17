using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>The Production profile: HSTS, __Host- cookies, Secure, HttpOnly, SameSite; and sign-in rate limits.</summary>
public sealed class ProductionTests : IDisposable
{
    private readonly ProductionFactory _factory = new();

    [Fact]
    public async Task Https_GetsHstsForAYear_AndHostPrefixedSecureCookies()
    {
        // HSTS is never sent to localhost: the tests use the production host name.
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://plateforme.interclustering47.fr"), AllowAutoRedirect = false });
        var session = new BrowserSession(client);

        var (page, _) = await session.GetPageAsync("/compte/connexion");
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));

        var login = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = DemoSeeder.AdminEmail, ["Input.Password"] = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("__Host-ic47=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignInAttempts_AreLimitedPerAddress_WithAFrenchPage()
    {
        using var session = new BrowserSession(_factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://plateforme.interclustering47.fr"), AllowAutoRedirect = false }));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            var response = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = $"inconnu{i}@example.fr", ["Input.Password"] = "mauvais mot de passe" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Trop de demandes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    public void Dispose() => _factory.Dispose();

    private sealed class ProductionFactory() : PlatformFactory(TestPaths.PluginFolderWith())
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("RateLimits:SignInPerMinute", "5");
        }
    }
}
