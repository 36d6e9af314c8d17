using System.Diagnostics;
using System.Reflection;

namespace Platform.Templates.Tests;

/// <summary>Runs the .NET CLI as a user would, in a given folder, and returns what it printed.</summary>
internal static class Tool
{
    public static string RepoRoot => Metadata("RepoRoot");

    public static string Configuration => Metadata("Configuration");

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
