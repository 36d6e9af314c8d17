using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Abstractions.Plugins;
using Platform.Host.Plugins;

namespace Platform.Testing;

/// <summary>
/// The real host with one plugin under test, taken from its build output (the folder a plugin build
/// lays out: <c>plugin.json</c>, its assembly, <c>wwwroot/</c>), copied into a temporary plugins folder
/// and loaded through the real loader: contract check, type identity, MVC parts, routes, migrations
/// and the per-network gate. Throws at start-up, with the loader's reason, when the plugin does not load.
/// </summary>
public class PluginTestHost : PlatformTestHost
{
    /// <summary>The name of the assembly metadata a plugin's test project sets to the plugin's build folder.</summary>
    public const string BuildFolderMetadata = "PluginBuildFolder";

    /// <summary>A host with the plugin of <paramref name="pluginBuildFolder"/> and, optionally, other plugins beside it.</summary>
    public PluginTestHost(string pluginBuildFolder, params string[] otherPluginFolders)
        : base(Install(pluginBuildFolder, otherPluginFolders))
    {
        PluginId = PluginManifest.Read(Path.Combine(pluginBuildFolder, PluginContract.ManifestFileName)).Id;
    }

    /// <summary>The id of the plugin under test, from its manifest.</summary>
    public string PluginId { get; }

    /// <summary>
    /// The build folder recorded in <paramref name="testAssembly"/> as
    /// <c>[assembly: AssemblyMetadata("PluginBuildFolder", "…")]</c> (the template's test project does it).
    /// </summary>
    public static string BuildFolderOf(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var folder = testAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == BuildFolderMetadata)?.Value
            ?? throw new InvalidOperationException($"{testAssembly.GetName().Name} has no AssemblyMetadata \"{BuildFolderMetadata}\".");
        return File.Exists(Path.Combine(folder, PluginContract.ManifestFileName))
            ? folder
            : throw new InvalidOperationException($"No {PluginContract.ManifestFileName} in {folder}: build the plugin first.");
    }

    /// <summary>The URL of one of the plugin's pages in a network: <c>/c/{network}/{id}{page}</c>.</summary>
    public string UrlOf(string network, string page = "") => $"/c/{network}/{PluginId.ToLowerInvariant()}{page}";

    /// <summary>Enables the plugin under test for a network.</summary>
    public Task EnableAsync(string network) => EnablePluginAsync(PluginId, network);

    /// <summary>Disables the plugin under test for a network.</summary>
    public Task DisableAsync(string network) => DisablePluginAsync(PluginId, network);

    /// <inheritdoc />
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var plugin = host.Services.GetRequiredService<PluginCatalog>().Find(PluginId);
        if (plugin is not { IsLoaded: true })
        {
            var why = plugin is null ? "not found" : $"{plugin.Status}: {plugin.Reason}";
            host.Dispose();
            throw new InvalidOperationException($"Plugin {PluginId} did not load ({why}).");
        }

        return host;
    }

    private static string Install(string pluginBuildFolder, string[] otherPluginFolders)
    {
        var root = Path.Combine(TestFolders.NewTempDirectory(), "plugins");
        foreach (var folder in otherPluginFolders.Prepend(pluginBuildFolder))
        {
            var id = PluginManifest.Read(Path.Combine(folder, PluginContract.ManifestFileName)).Id;
            TestFolders.CopyDirectory(folder, Path.Combine(root, id));
        }

        return root;
    }
}
