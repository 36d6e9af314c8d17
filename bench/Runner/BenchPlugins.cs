using System.Text.Json;

namespace Platform.Bench.Runner;

/// <summary>The bench host's plugins folder: every sample plugin of the host's build, and the gate plugin.</summary>
public static class BenchPlugins
{
    public const string GatePluginId = "BenchGate";

    /// <summary>Copies the plugins into the bench's folder; returns their ids (from their manifests).</summary>
    public static IReadOnlyList<string> LayOut(BenchPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = (Directory.Exists(paths.SamplePlugins) ? Directory.GetDirectories(paths.SamplePlugins) : []).Append(paths.GatePlugin);
        var ids = new List<string>();
        foreach (var source in sources)
        {
            var manifest = Path.Combine(source, "plugin.json");
            if (!File.Exists(manifest))
            {
                throw new InvalidOperationException($"No plugin at {source}: build it first (bench/run does).");
            }

            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            ids.Add(json.RootElement.GetProperty("id").GetString()!);
            Copy(source, Path.Combine(paths.Plugins, Path.GetFileName(source)));
        }

        return ids;
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
