namespace Platform.Bench.Runner;

/// <summary>
/// The host's environment as deployed (<c>deploy/platform.env</c>, the service's <c>EnvironmentFile=</c>):
/// the bench measures the host as it runs in production, GC settings included.
/// </summary>
public static class DeploymentEnvironment
{
    public static string File(BenchPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Path.Combine(paths.RepoRoot, "deploy", "platform.env");
    }

    /// <summary>The file's <c>KEY=VALUE</c> lines, in order; blank lines and <c>#</c> comments skipped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string file)
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var line in System.IO.File.ReadLines(file).Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidDataException($"{file}: « {line} » is not a KEY=VALUE line.");
            }

            variables.Add(new(line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return variables;
    }
}
