using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>A row of the statistics table: a network, or a sub-total or total line.</summary>
public sealed record StatisticsRow(string Label, string? Slug, int Members, int Employees, bool IsTotal);

/// <summary>
/// The statistics page's figures. <see cref="Edition"/> tells one computation from the next in this
/// process: the page keeps its rendered tables under it (they are the same for every reader).
/// </summary>
public sealed record DirectoryFigures(IReadOnlyList<StatisticsRow> Groupings, IReadOnlyList<StatisticsRow> Others, int DistinctCompanies, long Edition);

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
/// each instance of the site keeps its own copy.
/// </remarks>
public sealed class DirectoryStatistics(PlatformDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    internal const string CacheKey = "directory-statistics";

    private static long _editions;

    public async Task<DirectoryFigures> ComputeAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = FreshFor;
            return ComputeNowAsync(cancellationToken);
        }))!;

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
        groupings.AddRange(first.Select(n => new StatisticsRow(n.Name, n.Slug, n.Members, n.Employees, false)));
        groupings.Add(new StatisticsRow("Sous-total", null, first.Sum(n => n.Members), first.Sum(n => n.Employees), true));
        groupings.AddRange(thematic.Select(n => new StatisticsRow(n.Name, n.Slug, n.Members, n.Employees, false)));
        groupings.Add(new StatisticsRow("TOTAL", null, first.Concat(thematic).Sum(n => n.Members), first.Concat(thematic).Sum(n => n.Employees), true));

        var rest = networks.Where(n => n.Kind is not (NetworkKind.SectorGrouping or NetworkKind.CrossSectorGrouping or NetworkKind.ThematicGrouping))
            .OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), true)).ToList();
        var others = rest.Select(n => new StatisticsRow(n.Name, n.Slug, n.Members, n.Employees, false)).ToList();
        others.Add(new StatisticsRow("Total", null, rest.Sum(n => n.Members), rest.Sum(n => n.Employees), true));

        var distinct = await db.Companies.CountAsync(c => c.Memberships.Any(), cancellationToken);
        return new DirectoryFigures(groupings, others, distinct, Interlocked.Increment(ref _editions));
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
