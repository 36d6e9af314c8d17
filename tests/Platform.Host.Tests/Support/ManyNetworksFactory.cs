using Microsoft.AspNetCore.Hosting;

namespace Platform.Host.Tests.Support;

/// <summary>
/// A national directory in small: the demo's 18 networks, with a « Réseau » filter that lists at most 5 in
/// the page and statistics that give a row to at most 3 networks of each part of their tables.
/// </summary>
public sealed class ManyNetworksFactory() : PlatformFactory(TestPaths.NewTempDirectory())
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Networks:ListedInPageAtMost", "5");
        builder.UseSetting("Statistics:NetworksShownAtMost", "3");
    }
}
