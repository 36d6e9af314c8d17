using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>What a row of the statistics tables stands for.</summary>
public enum StatisticsRowKind
{
    Network,

    /// <summary>The networks of a part of the table that have no row of their own, summed (« 62 autres réseaux »).</summary>
    OtherNetworks,

    /// <summary>A sub-total or a total.</summary>
    Total,
}

/// <summary>A row of the statistics tables: a network, the networks folded into one row, or a sub-total or total.</summary>
public sealed record StatisticsRow(string Label, string? Slug, int Members, int Employees, StatisticsRowKind Kind)
{
    /// <summary>For an <see cref="StatisticsRowKind.OtherNetworks"/> row, how many networks it sums.</summary>
    public int FoldedNetworks { get; init; }
}

/// <summary>The page's two tables: the groupings (also drawn as a chart) and the other networks.</summary>
public sealed record StatisticsTables(IReadOnlyList<StatisticsRow> Groupings, IReadOnlyList<StatisticsRow> Others)
{
    /// <summary>How many networks have no row of their own (0 when every network has its row).</summary>
    public int Folded { get; } = Groupings.Concat(Others).Where(r => r.Kind == StatisticsRowKind.OtherNetworks).Sum(r => r.FoldedNetworks);

    public int Networks { get; } = Groupings.Concat(Others).Count(r => r.Kind == StatisticsRowKind.Network);
}

/// <summary>Settings of the statistics page (configuration section <c>Statistics</c>).</summary>
public sealed class StatisticsOptions
{
    /// <summary>
    /// Up to this many networks in a part of the table, each has its row; beyond, the page shows the part's
    /// largest networks (by members) and one row for the others, and links to the table of every network.
    /// </summary>
    public int NetworksShownAtMost { get; set; } = 20;
}

/// <summary>
/// The statistics page's figures: every network (<see cref="All"/>) and the largest of each part of the
/// table (<see cref="Largest"/>, the page's first view). <see cref="Edition"/> tells one computation from the
/// next in this process: the page keeps its rendered tables under it (they are the same for every reader).
/// </summary>
public sealed record DirectoryFigures(StatisticsTables All, StatisticsTables Largest, int DistinctCompanies, long Edition)
{
    /// <summary>Each network's members (a network without any is absent): what the search's network results show.</summary>
    public IReadOnlyDictionary<int, int> MembersByNetwork { get; init; } = new Dictionary<int, int>();
}

/// <summary>A network on the map, and a link between two networks with the number of companies they share.</summary>
public sealed record MapNode(int Id, string Slug, string Name, NetworkKind Kind, int Members);

public sealed record MapLink(int From, int To, int Shared);

/// <summary>
/// Members and employees per network, computed from the memberships, laid out like the founding brief's
/// table: the groupings « de filière » and « transversaux », their sub-total, the thematic groupings, the
/// total; then the other networks (clusters, clubs, groups) with their own total. A company in two
/// networks counts in both, as in the brief.
/// </summary>
/// <remarks>
/// The figures read every membership: at national scale (80 000 companies) that is tens of milliseconds,
/// so they are kept for <see cref="FreshFor"/> — statistics a minute old are still the statistics, and
/// each instance of the site keeps its own copy. The directory search reads its networks' member counts
/// from them too: when they expire, one request computes them again and the others wait for it, rather
/// than every search of that moment reading every membership at once.
/// </remarks>
public sealed class DirectoryStatistics(PlatformDbContext db, IMemoryCache cache, IOptions<StatisticsOptions> options)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    internal const string CacheKey = "directory-statistics";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly SemaphoreSlim Computing = new(1, 1);

    private static long _editions;

    public async Task<DirectoryFigures> ComputeAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGetValue(CacheKey, out DirectoryFigures? kept))
        {
            return kept!;
        }

        await Computing.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(CacheKey, out kept))
            {
                return kept!;
            }

            var figures = await ComputeNowAsync(cancellationToken);
            cache.Set(CacheKey, figures, FreshFor);
            return figures;
        }
        finally
        {
            Computing.Release();
        }
    }

    private async Task<DirectoryFigures> ComputeNowAsync(CancellationToken cancellationToken)
    {
        // One pass over the memberships, grouped by network (not a sub-query per network).
        var figures = await db.CompanyMemberships.AsNoTracking()
            .GroupBy(m => m.NetworkId)
            .Select(g => new { NetworkId = g.Key, Members = g.Count(), Employees = g.Sum(m => m.Company!.Headcount ?? 0) })
            .ToDictionaryAsync(g => g.NetworkId, cancellationToken);
        var networks = (await db.Networks.AsNoTracking().Select(n => new { n.Id, n.Slug, n.Name, n.Kind }).ToListAsync(cancellationToken))
            .Select(n =>
            {
                var (members, employees) = figures.TryGetValue(n.Id, out var f) ? (f.Members, f.Employees) : (0, 0);
                return new { n.Id, n.Slug, n.Name, n.Kind, Members = members, Employees = employees };
            })
            .ToList();

        var groupings = new List<StatisticsRow>();
        var first = networks.Where(n => n.Kind is NetworkKind.SectorGrouping or NetworkKind.CrossSectorGrouping).OrderBy(n => n.Kind).ThenBy(n => n.Id).ToList();
        var thematic = networks.Where(n => n.Kind is NetworkKind.ThematicGrouping).OrderBy(n => n.Id).ToList();
        groupings.AddRange(first.Select(n => new StatisticsRow(n.Name, n.Slug, n.Members, n.Employees, StatisticsRowKind.Network)));
        groupings.Add(new StatisticsRow("Sous-total", null, first.Sum(n => n.Members), first.Sum(n => n.Employees), StatisticsRowKind.Total));
        groupings.AddRange(thematic.Select(n => new StatisticsRow(n.Name, n.Slug, n.Members, n.Employees, StatisticsRowKind.Network)));
        groupings.Add(new StatisticsRow("TOTAL", null, first.Concat(thematic).Sum(n => n.Members), first.Concat(thematic).Sum(n => n.Employees), StatisticsRowKind.Total));

        var rest = networks.Where(n => n.Kind is not (NetworkKind.SectorGrouping or NetworkKind.CrossSectorGrouping or NetworkKind.ThematicGrouping))
            .OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Create(French, true)).ToList();
        var others = rest.Select(n => new StatisticsRow(n.Name, n.Slug, n.Members, n.Employees, StatisticsRowKind.Network)).ToList();
        others.Add(new StatisticsRow("Total", null, rest.Sum(n => n.Members), rest.Sum(n => n.Employees), StatisticsRowKind.Total));

        var distinct = await db.Companies.CountAsync(c => c.Memberships.Any(), cancellationToken);
        var atMost = Math.Max(1, options.Value.NetworksShownAtMost);
        return new DirectoryFigures(
            new StatisticsTables(groupings, others),
            new StatisticsTables(Fold(groupings, atMost), Fold(others, atMost)),
            distinct,
            Interlocked.Increment(ref _editions))
        {
            MembersByNetwork = figures.ToDictionary(f => f.Key, f => f.Value.Members),
        };
    }

    /// <summary>
    /// Each part of a table (the network rows before a sub-total or total) kept to its <paramref name="atMost"/>
    /// largest networks by members, largest first, and one row summing the others; parts within the limit
    /// are kept as they are. Sub-totals and totals stay those of every network.
    /// </summary>
    private static List<StatisticsRow> Fold(IReadOnlyList<StatisticsRow> rows, int atMost)
    {
        var folded = new List<StatisticsRow>();
        var part = new List<StatisticsRow>();
        foreach (var row in rows)
        {
            if (row.Kind == StatisticsRowKind.Network)
            {
                part.Add(row);
                continue;
            }

            FoldPart();
            folded.Add(row);
        }

        FoldPart();
        return folded;

        void FoldPart()
        {
            if (part.Count <= atMost)
            {
                folded.AddRange(part);
            }
            else
            {
                var ranked = part.OrderByDescending(r => r.Members).ThenByDescending(r => r.Employees).ToList();
                var others = ranked.Skip(atMost).ToList();
                folded.AddRange(ranked.Take(atMost));
                folded.Add(new StatisticsRow(
                    $"{others.Count.ToString("N0", French)} autres réseaux", null, others.Sum(r => r.Members), others.Sum(r => r.Employees), StatisticsRowKind.OtherNetworks)
                {
                    FoldedNetworks = others.Count,
                });
            }

            part.Clear();
        }
    }

    /// <summary>The networks and, for each pair sharing members, how many companies they share.</summary>
    public async Task<(IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapLink> Links)> MapAsync(CancellationToken cancellationToken = default)
    {
        var nodes = await db.Networks.AsNoTracking()
            .Select(n => new MapNode(n.Id, n.Slug, n.Name, n.Kind, db.CompanyMemberships.Count(m => m.NetworkId == n.Id)))
            .ToListAsync(cancellationToken);
        // A self-join on the membership table, grouped by pair: one query whatever the number of networks.
        var links = await (from a in db.CompanyMemberships
                           join b in db.CompanyMemberships on a.CompanyId equals b.CompanyId
                           where a.NetworkId < b.NetworkId
                           group a by new { From = a.NetworkId, To = b.NetworkId } into g
                           select new MapLink(g.Key.From, g.Key.To, g.Count()))
            .ToListAsync(cancellationToken);
        return (nodes, links);
    }
}
