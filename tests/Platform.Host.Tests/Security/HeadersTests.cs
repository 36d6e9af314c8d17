using System.Net;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

[Collection(SharedHost.Name)]
public sealed class HeadersTests(SharedHostFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/reseaux")]
    [InlineData("/compte/connexion")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task EveryPage_CarriesTheSecurityHeaders(string url)
    {
        using var client = factory.CreateBrowser();
        var response = await client.GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        foreach (var url in new[] { "/", "/reseaux", "/c/sotra", "/admin/modules", "/admin/modules/notes", "/notifications" })
        {
            var (_, page) = await admin.GetPageAsync(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.DoesNotContain(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        }
    }
}
