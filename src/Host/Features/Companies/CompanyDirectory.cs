using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies;

/// <summary>The directory's reads: search, company and network pages, filter values.</summary>
public sealed class CompanyDirectory(PlatformDbContext db)
{
    public const int MaxPageSize = 100;

    public async Task<DirectoryResults> SearchAsync(DirectorySearch search, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, search.Page);
        var ordered = await QueryAsync(search, cancellationToken);
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);

        IReadOnlyList<NetworkListItem> networks = [];
        if (FullTextIndex.Networks(db, search.Query) is { } networkHits && page == 1)
        {
            networks = await (from n in db.Networks.AsNoTracking()
                              join h in networkHits on n.Id equals h.Id
                              orderby h.Rank
                              select new NetworkListItem(n.Id, n.Slug, n.Name, n.Kind, n.Description, db.CompanyMemberships.Count(m => m.NetworkId == n.Id)))
                .Take(10).ToListAsync(cancellationToken);
        }

        return new DirectoryResults(networks, new Paged<CompanyListItem>(items, total, page, pageSize));
    }

    /// <summary>The search as one query: the full-text index joined to the filtered companies, best first.</summary>
    internal async Task<IQueryable<CompanyListItem>> QueryAsync(DirectorySearch search, CancellationToken cancellationToken = default)
    {
        var companies = db.Companies.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(search.Network))
        {
            // Resolved first, so the filter is a lookup on the membership index rather than a join per company.
            var slug = search.Network.Trim();
            var networkId = await db.Networks.Where(n => n.Slug == slug).Select(n => (int?)n.Id).FirstOrDefaultAsync(cancellationToken) ?? -1;
            companies = companies.Where(c => db.CompanyMemberships.Where(m => m.NetworkId == networkId).Select(m => m.CompanyId).Contains(c.Id));
        }

        if (!string.IsNullOrWhiteSpace(search.Sector))
        {
            companies = companies.Where(c => c.Sector == search.Sector);
        }

        if (!string.IsNullOrWhiteSpace(search.Commune))
        {
            companies = companies.Where(c => c.Commune == search.Commune);
        }

        if (!string.IsNullOrWhiteSpace(search.Size))
        {
            if (SizeBands.Find(search.Size) is { } band)
            {
                companies = companies.Where(c => c.Headcount >= band.Min && c.Headcount <= band.Max);
            }
            else
            {
                companies = companies.Where(c => false);
            }
        }

        var hits = FullTextIndex.Companies(db, search.Query);
        IQueryable<CompanyListItem> ordered;
        if (hits is null)
        {
            ordered = companies.OrderBy(c => c.Name).Select(ToListItem);
        }
        else
        {
            ordered = from c in companies
                      join h in hits on c.Id equals h.Id
                      orderby h.Rank, c.Name
                      select new CompanyListItem(c.Id, c.Name, c.NafCode, c.NafLabel, c.Sector, c.Commune, c.PostalCode, c.Headcount, c.Description);
        }

        return ordered;
    }

    /// <summary>
    /// The networks of the search form's filter, by kind then name. No member counts: the filter does not
    /// show them, and counting reads every membership on each search.
    /// </summary>
    public async Task<IReadOnlyList<NetworkInfo>> NetworkFilterAsync(CancellationToken cancellationToken = default) =>
        await db.Networks.AsNoTracking()
            .OrderBy(n => n.Kind).ThenBy(n => n.Name)
            .Select(n => new NetworkInfo(n.Id, n.Slug, n.Name, n.Kind))
            .ToListAsync(cancellationToken);

    /// <summary>The network with this slug; null for an unknown or malformed one (model binding turns a blank route value into null).</summary>
    public Task<Network?> FindNetworkAsync(string? slug, CancellationToken cancellationToken = default) =>
        slug is not null && NetworkSlug.IsValid(slug.ToLowerInvariant())
            ? db.Networks.AsNoTracking().FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken)
            : Task.FromResult<Network?>(null);

    /// <summary>One page of a network's members, by name.</summary>
    public async Task<Paged<CompanyListItem>> MembersAsync(int networkId, int page, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Companies.AsNoTracking().Where(c => c.Memberships.Any(m => m.NetworkId == networkId));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Name).Skip((page - 1) * pageSize).Take(pageSize).Select(ToListItem).ToListAsync(cancellationToken);
        return new Paged<CompanyListItem>(items, total, page, pageSize);
    }

    public async Task<(int Members, int Employees)> NetworkTotalsAsync(int networkId, CancellationToken cancellationToken = default)
    {
        var totals = await db.CompanyMemberships.AsNoTracking().Where(m => m.NetworkId == networkId)
            .GroupBy(m => m.NetworkId)
            .Select(g => new { Members = g.Count(), Employees = g.Sum(m => m.Company!.Headcount ?? 0) })
            .FirstOrDefaultAsync(cancellationToken);
        return totals is null ? (0, 0) : (totals.Members, totals.Employees);
    }

    /// <summary>The company with its memberships and their networks, or <see langword="null"/>.</summary>
    public Task<Company?> FindCompanyAsync(int id, CancellationToken cancellationToken = default) =>
        db.Companies.AsNoTracking().Include(c => c.Memberships).ThenInclude(m => m.Network).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// The communes that have at least one company, for the filter. SELECT DISTINCT would read the whole
    /// Commune index (one entry per company) on each search; this walks it with one seek per commune
    /// (a loose index scan, in standard SQL), in the same order.
    /// </summary>
    public async Task<IReadOnlyList<string>> CommunesAsync(CancellationToken cancellationToken = default) =>
        await db.Database.SqlQueryRaw<string>("""
            WITH RECURSIVE "Walk"("Previous") AS (
                SELECT MIN("Commune") FROM "Companies"
                UNION ALL
                SELECT (SELECT MIN("c"."Commune") FROM "Companies" AS "c" WHERE "c"."Commune" > "Walk"."Previous") FROM "Walk" WHERE "Walk"."Previous" IS NOT NULL)
            SELECT "Previous" AS "Value" FROM "Walk" WHERE "Previous" IS NOT NULL
            """).ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<Company, CompanyListItem>> ToListItem =
        c => new CompanyListItem(c.Id, c.Name, c.NafCode, c.NafLabel, c.Sector, c.Commune, c.PostalCode, c.Headcount, c.Description);
}
