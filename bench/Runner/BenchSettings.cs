namespace Platform.Bench.Runner;

/// <summary>What one run measures, and for how long: the full run, or the smoke run CI makes.</summary>
public sealed record BenchSettings(
    bool Smoke,
    IReadOnlyList<int> CompanyCounts,
    int Networks,
    int Events,
    int Queues,
    TimeSpan WarmUp,
    TimeSpan Measure,
    TimeSpan ScaleMeasure)
{
    public const int Connections = 32;

    public const int Threads = 2;

    public const int HostPort = 5931;

    public const int BaselinePort = 5932;

    /// <summary>Turns each of two compared pages is measured in (<see cref="Wrk.MeasureInTurnAsync"/>).</summary>
    public const int RoundsInTurn = 3;

    /// <summary>
    /// Launches of the host whose start-up the table gives the median of: the same build on the same database
    /// took from 2.0 to 3.0 s to its first 200 between one launch and the next (session 15, by hand).
    /// </summary>
    public const int StartUpLaunches = 5;

    /// <summary>Members that sign in and pledge on the bench queue.</summary>
    public const int PledgingMembers = 16;

    /// <remarks>
    /// 30 s of warm-up a page: after 10 s the runtime was still recompiling the hot code of the heavier pages
    /// (tiered compilation: the JIT took 20–25 % of the CPU, and the queue page served 569 req/s at 10 s
    /// against 945 req/s after 40 s). The figures are those of a site that has been running.
    /// </remarks>
    public static BenchSettings Full { get; } = new(false, [1_000, 10_000, 100_000], 400, 20_000, 1_000,
        TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10));

    /// <summary><c>bench/run --pledges</c> (<see cref="PledgeComparison"/>): the full run's timings, on its smallest data set.</summary>
    public static BenchSettings PledgesOnly { get; } = Full with { CompanyCounts = [1_000] };

    public static BenchSettings SmokeRun { get; } = new(true, [200], 30, 300, 30,
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

    /// <summary>The main table is measured on the largest data set.</summary>
    public int LargestCompanyCount => CompanyCounts[^1];
}
