using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Platform.Bench.Runner;

/// <summary>
/// A `dotnet app.dll` process the bench started (the host or the baseline), its output kept in a log
/// file. Only this process is ever stopped: never by name, since other hosts may run on the machine.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _disposed;

    private AppProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Id => _process.Id;

    public bool IsRunning => !_disposed && !_process.HasExited;

    /// <summary>From the start of the process to the first 200 on <c>/</c>.</summary>
    public TimeSpan StartUp { get; private set; }

    public static async Task<AppProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, Uri baseAddress, string probePath, string logFile)
    {
        EnsurePortIsFree(baseAddress);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll);
        var app = new AppProcess(process, log);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = Http.CreateClient(baseAddress);
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} stopped (exit {process.ExitCode}); see {logFile}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(probePath, UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    app.StartUp = clock.Elapsed;
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(10);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {probePath} in 2 minutes; see {logFile}");
    }

    /// <summary>Runs the app as a command (the host's CLI) and fails on a non-zero exit.</summary>
    public static async Task RunCommandAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + dll);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{string.Join(' ', arguments)}` failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    /// <summary>Another process on the port would answer the probe and the load: the bench would measure it.</summary>
    private static void EnsurePortIsFree(Uri baseAddress)
    {
        using var listener = new TcpListener(IPAddress.Loopback, baseAddress.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Port {baseAddress.Port} is taken by another process.", e);
        }

        listener.Stop();
    }

    /// <summary>Peak resident set size (VmHWM) so far, in MiB.</summary>
    public double PeakRssMiB() => StatusMiB("VmHWM");

    /// <summary>Resident set size now (VmRSS), in MiB.</summary>
    public double RssMiB() => StatusMiB("VmRSS");

    /// <summary>A size line of <c>/proc/{pid}/status</c> (given there in kB), in MiB.</summary>
    private double StatusMiB(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kib = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _disposed = true;
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.WriteLine(line);
            }
        }
    }
}
