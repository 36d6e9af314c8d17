using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Networks;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Networks;

/// <summary>The request's network: found once by CurrentNetworkMiddleware, read by page models (ICurrentNetwork) and the layout.</summary>
[Collection(SharedHost.Name)]
public sealed class CurrentNetworkTests(SharedHostFactory factory)
{
    [Fact]
    public void CurrentNetwork_OutsideARequest_IsNone()
    {
        using var scope = factory.Services.CreateScope();

        var current = scope.ServiceProvider.GetRequiredService<ICurrentNetwork>();

        Assert.Null(current.Network);
        Assert.Throws<InvalidOperationException>(() => current.Required);
    }

    [Fact]
    public async Task NetworkPage_ShowsItsNetwork_AndAPageOutsideNetworksShowsNone()
    {
        using var client = factory.CreateClient();

        var network = await client.GetStringAsync(new Uri("/c/sotra", UriKind.Relative));
        var networks = await client.GetStringAsync(new Uri("/reseaux", UriKind.Relative));

        // The network's own page model (ICurrentNetwork) and the layout's network bar (the request's feature).
        Assert.Contains("<h1>SOTRA</h1>", network, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Navigation du réseau", network, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"Navigation du réseau", networks, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/c/sotra", HttpStatusCode.OK)]
    [InlineData("/c/SOTRA", HttpStatusCode.OK)]
    [InlineData("/c/pas-un-reseau", HttpStatusCode.NotFound)]
    [InlineData("/c/so%20tra", HttpStatusCode.NotFound)]
    [InlineData("/c/sotra%27", HttpStatusCode.NotFound)]
    [InlineData("/c/%C3%A9tic", HttpStatusCode.NotFound)]
    [InlineData("/c/%C5%BFotra", HttpStatusCode.NotFound)]
    [InlineData("/c/%C4%B1noo", HttpStatusCode.NotFound)]
    public async Task NetworkOfTheUrl_IsAKnownSlugInAnyCase_AnythingElseIsNotFound(string url, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task FindBySlug_AnswersKnownSlugsInAnyCase_AndNothingForAnInvalidOrUnknownOne()
    {
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<INetworkDirectory>();

        Assert.Equal("sotra", (await directory.FindBySlugAsync("SoTrA"))?.Slug);
        Assert.Null(await directory.FindBySlugAsync("so tra"));
        // « ſotra »: the long s is an s in a case-insensitive comparison, but not a slug's letter.
        Assert.Null(await directory.FindBySlugAsync("\u017Fotra"));
        Assert.Null(await directory.FindBySlugAsync(""));
        Assert.Null(await directory.FindBySlugAsync("pas-un-reseau"));
    }
}
