using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench.Runner;

/// <summary>What wrk measured for one page.</summary>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long StatusErrors, long SocketErrors)
{
    /// <summary>The runs <see cref="Combine"/> made this one of (the rounds of a page measured in turn), in order; empty for one run.</summary>
    public IReadOnlyList<LoadResult> Rounds { get; private init; } = [];

    /// <summary>Answers other than 2xx/3xx, and socket errors (connect, read, write, timeout).</summary>
    public long Errors => StatusErrors + SocketErrors;

    /// <summary>
    /// Runs of the same page as one: requests over the total time; p50 the median of the runs' p50, p99
    /// the highest of their p99 (percentiles of separate runs cannot be merged exactly; this errs slow).
    /// </summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> runs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        var requests = runs.Sum(r => r.Requests);
        var seconds = runs.Sum(r => r.RequestsPerSecond > 0 ? r.Requests / r.RequestsPerSecond : 0);
        var p50s = runs.Select(r => r.P50Ms).Order().ToList();
        return new LoadResult(seconds > 0 ? requests / seconds : 0, p50s[p50s.Count / 2], runs.Max(r => r.P99Ms), requests,
            runs.Sum(r => r.StatusErrors), runs.Sum(r => r.SocketErrors)) { Rounds = [.. runs] };
    }

    /// <summary>Some requests failed. None completing in the window, without errors, is a slow page, not a failure.</summary>
    public bool Failed => Errors > 0;
}

/// <summary>What wrk loads: a site, a Lua script and its arguments, and how long to warm it up first.</summary>
public sealed record WrkTarget(Uri BaseAddress, string Script, IReadOnlyList<string> Arguments, TimeSpan WarmUp);

/// <summary>
/// Load from a second process: wrk, 32 connections, a warm-up run then a measured run. The timeout is
/// 30 s, not wrk's 2 s: a slow page is measured as slow, not counted as failing.
/// </summary>
public static partial class Wrk
{
    public static async Task<LoadResult> MeasureAsync(WrkTarget target, TimeSpan measure)
    {
        ArgumentNullException.ThrowIfNull(target);
        await RunAsync(target, target.WarmUp, "warm-up");
        return await RunAsync(target, measure, "measure");
    }

    /// <summary>
    /// Pages compared with each other (a host page and the baseline's EF page; the plugin page and the
    /// same page served by the host): each is warmed up, then they are measured in turn,
    /// <paramref name="rounds"/> times each, for <paramref name="measure"/> each in all. Measured one after
    /// the other, minutes apart, a drift of the machine (the same page served 6 172 then 4 398 req/s,
    /// bench/README.md) would read as a difference between the pages.
    /// </summary>
    public static async Task<IReadOnlyList<LoadResult>> MeasureInTurnAsync(IReadOnlyList<WrkTarget> targets, TimeSpan measure, int rounds)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var target in targets)
        {
            await RunAsync(target, target.WarmUp, "warm-up");
        }

        var slice = TimeSpan.FromSeconds(Math.Max(1, Math.Round(measure.TotalSeconds / rounds)));
        var runs = targets.Select(_ => new List<LoadResult>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                runs[i].Add(await RunAsync(targets[i], slice, "measure"));
            }
        }

        return [.. runs.Select(LoadResult.Combine)];
    }

    /// <summary>Writes the page script with the shared report function appended, as wrk takes one script.</summary>
    public static string Script(string workDirectory, string name)
    {
        var lua = Path.Combine(AppContext.BaseDirectory, "Lua");
        var path = Path.Combine(workDirectory, name + ".lua");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(lua, name + ".lua")) + "\n" + File.ReadAllText(Path.Combine(lua, "report.lua")));
        return path;
    }

    private static async Task<LoadResult> RunAsync(WrkTarget target, TimeSpan duration, string phase)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        // Scripts that write (pledge.lua) keep the two runs' data apart by phase.
        start.Environment["BENCH_PHASE"] = phase;
        foreach (var argument in (string[])["-t", Str(BenchSettings.Threads), "-c", Str(BenchSettings.Connections), "-d", Str((int)Math.Max(1, duration.TotalSeconds)) + "s", "--timeout", "30s", "-s", target.Script, target.BaseAddress.ToString(), "--"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in target.Arguments)
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
