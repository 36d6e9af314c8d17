using System.Globalization;
using System.Text;

namespace Platform.Bench.Runner;

/// <summary>A measured page, the ratio its target judges (to the reference page measured in turn with it), and the target.</summary>
public sealed record PageRow(string Page, LoadResult Result, double? Ratio, string Target, bool? Pass, LoadResult? Reference = null)
{
    /// <summary>
    /// The page's requests a second divided by its reference's in each round of their turn: how far the machine moved the
    /// ratio while it was measured (the ratio itself is taken over the rounds summed).
    /// </summary>
    public IReadOnlyList<double> RoundRatios =>
        Reference is { } reference && Result.Rounds.Count > 0 && Result.Rounds.Count == reference.Rounds.Count
            ? [.. Result.Rounds.Zip(reference.Rounds, (page, against) => against.RequestsPerSecond > 0 ? page.RequestsPerSecond / against.RequestsPerSecond : 0)]
            : [];
}

/// <summary>A figure that is not a page (start-up, memory, search scaling) and its target.</summary>
public sealed record FigureRow(string Figure, string Value, string Target, bool? Pass);

/// <summary>The run's table, printed as Markdown so the README can keep it as it is.</summary>
public sealed class Report(BenchSettings settings)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public List<PageRow> Baseline { get; } = [];

    public List<PageRow> Pages { get; } = [];

    public List<FigureRow> Figures { get; } = [];

    /// <summary>The harness or the host broke: a page answered errors (non-2xx/3xx, socket errors).</summary>
    public bool HasErrors => Baseline.Concat(Pages).Any(r => r.Result.Failed || r.Reference?.Failed == true);

    /// <param name="deployment">The host's deployment environment (<see cref="DeploymentEnvironment"/>), as it was read.</param>
    public string ToMarkdown(DateTime startedUtc, string machine, string load, IEnumerable<KeyValuePair<string, string>> deployment)
    {
        var text = new StringBuilder();
        Line(text, $"Run: {(settings.Smoke ? "smoke" : "full")}, {startedUtc:yyyy-MM-dd HH:mm} UTC, {machine}, {load}.");
        Line(text, $"Load: wrk, {BenchSettings.Threads} threads, {BenchSettings.Connections} connections, {settings.WarmUp.TotalSeconds:0} s warm-up then {settings.Measure.TotalSeconds:0} s measured per page, in {BenchSettings.RoundsInTurn} turns with the page its ratio is taken against (« reference req/s »); HTTPS on 127.0.0.1; host as deployed ({string.Join(", ", deployment.Select(v => $"{v.Key}={v.Value}"))}, deploy/platform.env); largest data set ({settings.LargestCompanyCount:N0} companies).");
        Line(text, "");
        Line(text, "| Page | req/s | p50 ms | p99 ms | errors | reference req/s | ratio | ratio per round | target | result |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in Baseline.Concat(Pages))
        {
            var r = row.Result;
            var latency = r.Requests == 0 ? $"none in {settings.Measure.TotalSeconds:0} s | " : $"{r.P50Ms:0.0} | {r.P99Ms:0.0}";
            Line(text, $"| {row.Page} | {r.RequestsPerSecond:N0} | {latency} | {r.Errors:N0} | {row.Reference?.RequestsPerSecond.ToString("N0", Invariant)} | {Percent(row.Ratio)} | {Rounds(row.RoundRatios)} | {row.Target} | {Verdict(row.Pass)} |");
        }

        Line(text, "");
        Line(text, "| Figure | value | target | result |");
        Line(text, "|---|---:|---|---|");
        foreach (var figure in Figures)
        {
            Line(text, $"| {figure.Figure} | {figure.Value} | {figure.Target} | {Verdict(figure.Pass)} |");
        }

        return text.ToString();
    }

    /// <summary>With a decimal: a page at 49.8 % of its reference misses a 50 % target, and reads so.</summary>
    private static string Percent(double? ratio) => ratio is { } value ? string.Create(Invariant, $"{value * 100:0.0} %") : "";

    /// <summary>Each round's ratio, in the order measured, without a decimal: « 93 · 88 · 95 ».</summary>
    private static string Rounds(IReadOnlyList<double> ratios) =>
        string.Join(" · ", ratios.Select(r => (r * 100).ToString("0", Invariant)));

    private static string Verdict(bool? pass) => pass switch
    {
        true => "PASS",
        false => "MISS",
        null => "",
    };

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
