using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>The Production profile: HSTS, __Host- cookies, Secure, HttpOnly, SameSite; sign-in rate limits; behind the reverse proxy.</summary>
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

    [Fact]
    public async Task BehindTheReverseProxy_EachClientAddressHasItsOwnSignInLimit()
    {
        // The test server has no remote address, as a proxy on the same machine is trusted: the forwarded one counts.
        using var first = ClientBehindProxy("203.0.113.7");
        using var second = ClientBehindProxy("203.0.113.8");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await first.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = $"inconnu{i}@example.fr", ["Input.Password"] = "mauvais mot de passe" })).StatusCode);
        }

        var other = await second.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = "inconnu@example.fr", ["Input.Password"] = "mauvais mot de passe" });

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task BehindTheReverseProxy_TheForwardedSchemeCounts()
    {
        // The proxy ends TLS and speaks HTTP to the host: HSTS only when it says the client came in HTTPS.
        using var http = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://plateforme.interclustering47.fr"), AllowAutoRedirect = false });
        using var plain = await http.GetAsync(new Uri("/compte/connexion", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/compte/connexion", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var forwarded = await http.SendAsync(request);

        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(forwarded.Headers.GetValues("Strict-Transport-Security")));
    }

    private BrowserSession ClientBehindProxy(string clientAddress)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://plateforme.interclustering47.fr"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return new BrowserSession(client);
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
