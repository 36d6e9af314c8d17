using System.Globalization;
using System.Text;
using Platform.Bench.Runner.Data;

namespace Platform.Bench.Runner;

/// <summary>
/// <c>bench/run --pledges [host folder]</c>: the pledge write path alone, to price a change to it. This build's host and, when
/// given, another published host (the previous commit's, say: <c>git worktree add</c> then <c>dotnet publish</c> it elsewhere)
/// are started in turn on the same database, <see cref="Rounds"/> times each, and measured as the full run measures pledges
/// (30 s warm-up, 15 s measured): two builds a minute apart on one machine, so the machine's mood weighs on both alike.
/// </summary>
public sealed class PledgeComparison(BenchHost bench, Action<string> say)
{
    public const int Rounds = 3;

    public async Task<string> RunAsync(BenchData data, string? otherHostFolder)
    {
        ArgumentNullException.ThrowIfNull(data);
        var hosts = new List<(string Name, string? Dll)> { ("this build", null) };
        if (otherHostFolder is not null)
        {
            var dll = Path.GetFullPath(Path.Combine(otherHostFolder, "Platform.Host.dll"));
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"No published host at {otherHostFolder} (Platform.Host.dll).");
            }

            hosts.Add((otherHostFolder, dll));
        }

        var results = hosts.ToDictionary(h => h.Name, _ => new List<LoadResult>());
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var (name, dll) in hosts)
            {
                say($"Round {round}/{Rounds}: {name}");
                await using var host = await bench.StartHostAsync(data, hostDll: dll);
                results[name].Add(await bench.MeasurePledgesAsync(data));
            }
        }

        var table = new StringBuilder();
        table.AppendLine("| Host | round | pledges/s | p50 ms | p99 ms | errors |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, runs) in results)
        {
            for (var round = 0; round < runs.Count; round++)
            {
                var r = runs[round];
                table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {round + 1} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.Errors:N0} |");
            }

            var median = runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | median | {median.RequestsPerSecond:N0} | {median.P50Ms:0.0} | {median.P99Ms:0.0} | {median.Errors:N0} |");
        }

        return table.ToString();
    }
}
