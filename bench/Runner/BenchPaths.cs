namespace Platform.Bench.Runner;

/// <summary>Where the built apps are and where a run writes (artifacts/bench/, ignored by git).</summary>
public sealed class BenchPaths
{
    public BenchPaths(string repoRoot)
    {
        RepoRoot = repoRoot;
        HostDirectory = Path.Combine(repoRoot, "artifacts", "bench-host");
        HostBuildDirectory = Path.Combine(repoRoot, "src", "Host", "bin", "Release", "net10.0");
        BaselineDirectory = Path.Combine(repoRoot, "bench", "Baseline", "bin", "Release", "net10.0");
        Work = Path.Combine(repoRoot, "artifacts", "bench");
        Plugins = Path.Combine(Work, "plugins");
    }

    public string RepoRoot { get; }

    /// <summary>The host as deployed: <c>dotnet publish</c>, ReadyToRun (bench/run publishes it).</summary>
    public string HostDirectory { get; }

    /// <summary>The host's Release build, which lays out its sample plugins.</summary>
    public string HostBuildDirectory { get; }

    public string HostDll => Path.Combine(HostDirectory, "Platform.Host.dll");

    public string BaselineDirectory { get; }

    public string BaselineDll => Path.Combine(BaselineDirectory, "Platform.Bench.Baseline.dll");

    /// <summary>The host's sample plugins, laid out by its Release build.</summary>
    public string SamplePlugins => Path.Combine(HostBuildDirectory, "plugins");

    public string GatePlugin => Path.Combine(RepoRoot, "artifacts", "bench-plugins", "Release", "BenchGate");

    public string Work { get; }

    /// <summary>The plugins folder of the bench host: the sample plugins and the gate plugin.</summary>
    public string Plugins { get; }

    public string Database(int companies) => Path.Combine(Work, $"companies-{companies}.db");

    public string File(string name) => Path.Combine(Work, name);

    public static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
