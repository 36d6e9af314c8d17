using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Platform.EndToEnd;

/// <summary>
/// The real host, started as its own process on 127.0.0.1 with demo data, a temporary database and
/// the sample plugins the build laid out next to it (Formation), as a person would run it with
/// <c>dotnet run --project src/Host</c>. Shared by the journeys of one test run.
/// </summary>
public sealed class SiteProcess : IAsyncLifetime
{
    private Process? _process;
    private readonly List<string> _output = [];

    public Uri BaseAddress { get; private set; } = default!;

    public string RepoRoot { get; } = Metadata("RepoRoot");

    public async Task InitializeAsync()
    {
        var configuration = Metadata("Configuration");
        var hostDll = Path.Combine(RepoRoot, "src", "Host", "bin", configuration, "net10.0", "Platform.Host.dll");
        var data = Path.Combine(Path.GetTempPath(), "ic47-e2e", Guid.NewGuid().ToString("N"));
        var plugins = Path.Combine(data, "plugins");
        CopyDirectory(Path.Combine(RepoRoot, "src", "Host", "bin", configuration, "net10.0", "plugins"), plugins);
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepoRoot, "src", "Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(hostDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["Database__Path"] = Path.Combine(data, "platform.db");
        start.Environment["Plugins__Path"] = plugins;
        start.Environment["Mail__PickupDirectory"] = Path.Combine(data, "mail");
        start.Environment["RateLimits__SignInPerMinute"] = "10000";
        start.Environment["RateLimits__WritesPerMinute"] = "10000";
        // The demo's 18 networks behave as a national directory's hundreds: the « Réseau » filters load
        // their list from the browser (NetworkFilter), which the journeys then use.
        start.Environment["Networks__ListedInPageAtMost"] = "5";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The site stopped:\n" + string.Join('\n', _output));
            }

            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The site did not answer /healthz in 2 minutes:\n" + string.Join('\n', _output));
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Metadata(string key) =>
        typeof(SiteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
