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
}
