namespace Platform.Bench.Runner.Data;

/// <summary>What the runner needs to know about a generated database to build its URLs and sessions.</summary>
public sealed record BenchData(
    int Companies,
    string GateNetworkSlug,
    int PledgeQueueId,
    IReadOnlyList<string> MemberEmails,
    IReadOnlyList<int> CompanyIds,
    IReadOnlyList<int> UnviewedCompanyIds,
    IReadOnlyList<int> UpcomingEventIds,
    IReadOnlyList<string> NetworkSlugs,
    IReadOnlyList<int> MemberQueueIds,
    IReadOnlyList<string> SearchQueries);
