using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench.Runner;

/// <summary>What wrk measured for one page.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long StatusErrors, long SocketErrors)
{
    /// <summary>Answers other than 2xx/3xx, and socket errors (connect, read, write, timeout).</summary>
    public long Errors => StatusErrors + SocketErrors;

    /// <summary>Some requests failed. None completing in the window, without errors, is a slow page, not a failure.</summary>
    public bool Failed => Errors > 0;
}

/// <summary>
/// Load from a second process: wrk, 32 connections, a warm-up run then a measured run. The timeout is
/// 30 s, not wrk's 2 s: a slow page is measured as slow, not counted as failing.
/// </summary>
public static partial class Wrk
{
    public static async Task<LoadResult> MeasureAsync(Uri baseAddress, string script, IReadOnlyList<string> arguments, TimeSpan warmUp, TimeSpan measure)
    {
        await RunAsync(baseAddress, script, arguments, warmUp, "warm-up");
        return await RunAsync(baseAddress, script, arguments, measure, "measure");
    }

    /// <summary>Writes the page script with the shared report function appended, as wrk takes one script.</summary>
    public static string Script(string workDirectory, string name)
    {
        var lua = Path.Combine(AppContext.BaseDirectory, "Lua");
        var path = Path.Combine(workDirectory, name + ".lua");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(lua, name + ".lua")) + "\n" + File.ReadAllText(Path.Combine(lua, "report.lua")));
        return path;
    }

    private static async Task<LoadResult> RunAsync(Uri baseAddress, string script, IReadOnlyList<string> arguments, TimeSpan duration, string phase)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        // Scripts that write (pledge.lua) keep the two runs' data apart by phase.
        start.Environment["BENCH_PHASE"] = phase;
        foreach (var argument in (string[])["-t", Str(BenchSettings.Threads), "-c", Str(BenchSettings.Connections), "-d", Str((int)Math.Max(1, duration.TotalSeconds)) + "s", "--timeout", "30s", "-s", script, baseAddress.ToString(), "--"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk: install it (apt-get install -y wrk).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        var match = ReportLine().Match(text);
        if (process.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}):\n{text}\n{await error}");
        }

        long Value(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        var requests = Value("requests");
        return new LoadResult(requests / (Value("duration") / 1e6), Value("p50") / 1000.0, Value("p99") / 1000.0, requests,
            Value("status"), Value("connect") + Value("read") + Value("write") + Value("timeout"));
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"BENCH requests=(?<requests>\d+) duration_us=(?<duration>\d+) status=(?<status>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+) p50_us=(?<p50>\d+) p99_us=(?<p99>\d+)")]
    private static partial Regex ReportLine();
}
