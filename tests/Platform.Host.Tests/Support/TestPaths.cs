using System.Reflection;
using Platform.Testing;

namespace Platform.Host.Tests.Support;

public static class TestPaths
{
    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <summary>The folder where the fixture plugins laid themselves out when they were built.</summary>
    public static string FixturePlugins => Metadata("FixturePluginsPath");

    public static string RepoRoot => Metadata("RepoRoot");

    /// <summary>The folder where the sample plugins (plugins/*) laid themselves out when they were built: next to the host binary.</summary>
    public static string SamplePlugins => Metadata("SamplePluginsPath");

    /// <summary>
    /// A new folder holding every fixture plugin and the given sample plugins (e.g. Formation), for a host
    /// that must load the real plugins beside the fixtures.
    /// </summary>
    public static string FixturePluginsAnd(params string[] samplePluginIds)
    {
        var root = NewTempDirectory();
        foreach (var fixture in Directory.GetDirectories(FixturePlugins))
        {
            CopyDirectory(fixture, Path.Combine(root, Path.GetFileName(fixture)));
        }

        foreach (var id in samplePluginIds)
        {
            var built = Path.Combine(SamplePlugins, id);
            if (!Directory.Exists(built))
            {
                throw new DirectoryNotFoundException($"The sample plugin {id} is not built in {built}: build tests/Platform.Host.Tests (it builds plugins/{id} first).");
            }

            CopyDirectory(built, Path.Combine(root, id));
        }

        return root;
    }

    /// <summary>A new empty folder under the system temp folder, for one test's database or plugins.</summary>
    public static string NewTempDirectory() => TestFolders.NewTempDirectory();

    /// <summary>Copies some of the fixture plugins into a new folder, for a host that must see only them.</summary>
    public static string PluginFolderWith(params string[] pluginIds)
    {
        var root = NewTempDirectory();
        foreach (var id in pluginIds)
        {
            CopyDirectory(Path.Combine(FixturePlugins, id), Path.Combine(root, id));
        }

        return root;
    }

    public static void CopyDirectory(string source, string target) => TestFolders.CopyDirectory(source, target);
}
