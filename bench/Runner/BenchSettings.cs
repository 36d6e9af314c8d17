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

    /// <summary>Members that sign in and pledge on the bench queue.</summary>
    public const int PledgingMembers = 16;

    public static BenchSettings Full { get; } = new(false, [1_000, 10_000, 100_000], 400, 20_000, 1_000,
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10));

    public static BenchSettings SmokeRun { get; } = new(true, [200], 30, 300, 30,
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));

    /// <summary>The main table is measured on the largest data set.</summary>
    public int LargestCompanyCount => CompanyCounts[^1];
}
