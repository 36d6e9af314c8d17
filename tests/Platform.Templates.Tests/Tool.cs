using System.Diagnostics;
using System.Reflection;

namespace Platform.Templates.Tests;

/// <summary>Runs the .NET CLI as a user would, in a given folder, and returns what it printed.</summary>
internal static class Tool
{
    public static string RepoRoot => Metadata("RepoRoot");

    public static string Configuration => Metadata("Configuration");

    /// <summary>
    /// Installs the template into a private hive (the machine's own template list is left alone),
    /// creates plugin <paramref name="name"/> in <paramref name="work"/> and builds it; returns the created folder.
    /// </summary>
    public static async Task<string> NewPluginAsync(string work, string name, params string[] options)
    {
        var hive = Path.Combine(work, "template-hive");
        await DotnetAsync(work, "new", "install", Path.Combine(RepoRoot, "templates", "interclustering-plugin"), "--debug:custom-hive", hive);
        var created = await DotnetAsync(work, ["new", "interclustering-plugin", "-n", name, "--platform-root", RepoRoot, "--debug:custom-hive", hive, .. options]);
        Assert.Contains("created successfully", created, StringComparison.Ordinal);

        var project = Path.Combine(work, name);
        // --no-dependencies: the contract is already built by this repository's build; only the plugin compiles.
        await DotnetAsync(project, "build", Path.Combine("src", name), "-c", Configuration, "--no-dependencies", "-nodeReuse:false", "-v:q");
        return project;
    }

    /// <summary>Deletes a test's folder, best effort.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static async Task<string> DotnetAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test runner's own MSBuild settings must not leak into the nested build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"dotnet {string.Join(' ', args)} exited with {process.ExitCode}:\n{text}");
    }

    private static string Metadata(string key) =>
        typeof(Tool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
