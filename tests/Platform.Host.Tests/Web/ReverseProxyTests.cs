using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Host.Web;

namespace Platform.Host.Tests.Web;

/// <summary>The proxies the host trusts with the client's address: loopback, and those an operator lists.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public void AListedProxy_IsTrusted_BesideTheLoopback()
    {
        var options = Options("10.0.0.2");

        Assert.Contains(IPAddress.Parse("10.0.0.2"), options.KnownProxies);
        Assert.Contains(options.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
    }

    [Fact]
    public void AMistypedProxy_StopsTheStartUp()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options("10.0.0.300"));

        Assert.Contains("10.0.0.300", error.Message, StringComparison.Ordinal);
    }

    private static ForwardedHeadersOptions Options(string proxy)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = proxy }).Build();
        using var services = new ServiceCollection().AddReverseProxyHeaders(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }
}
