using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Features.Networks;
using Platform.Host.Web;

namespace Platform.Host.Features.Companies;

/// <summary>The directory's reads: search, company and network pages, filter values.</summary>
public sealed class CompanyDirectory(
    PlatformDbContext db, IMemoryCache cache, DirectoryStatistics statistics, NetworkSearchIndex networkIndex, CompanySearchIndex companyIndex,
    DirectoryVersionReader versionReader, PreparedReads reads)
{
    /// <summary>How long an instance keeps the communes of the search filter: a commune new to the directory shows there within this time.</summary>
    public static readonly TimeSpan CommunesFreshFor = TimeSpan.FromMinutes(1);

    public const int MaxPageSize = 100;

    /// <summary>Names in French order, whatever their case (« Atelier », « atelier », « Écomat », « Ferme »).</summary>
    internal static readonly StringComparer NameOrder = StringComparer.Create(ParisTime.French, NameOrderOptions);

    /// <summary><see cref="NameOrder"/>'s options, for the names compared where they lie (<see cref="CompanySearchIndex"/>).</summary>
    internal const CompareOptions NameOrderOptions = CompareOptions.IgnoreCase;

    /// <summary>
    /// A search reads at most this many companies (the first the index yields, after the filters) and
    /// counts no further: a frequent word matches thousands of companies in a national directory, and
    /// reading them all is what made a search slow. The page says there are more, and asks for a word or a
    /// filter more.
    /// </summary>
    public const int SearchWindow = 200;

    /// <summary>A search shows this many networks at most, the best first.</summary>
    public const int NetworksFound = 10;

    /// <summary>
    /// The directory's version (<see cref="DirectoryVersion"/>): it moves with every change to a company, a
    /// membership or a network, whoever makes it. The search page keeps its results under it.
    /// </summary>
    public Task<long> VersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(versionReader.Read());
    }

    internal static readonly Func<PlatformDbContext, CancellationToken, Task<long>> VersionOf =
        EF.CompileAsyncQuery((PlatformDbContext context, CancellationToken _) =>
            context.DirectoryVersions.Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefault());

    /// <param name="search">The words, the filters and the page.</param>
    /// <param name="version">The directory's version the caller read (<see cref="VersionAsync"/>), if it did: the
    /// networks found are at least as fresh.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task<DirectoryResults> SearchAsync(DirectorySearch search, long? version = null, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, search.Page);
        var stems = FullTextIndex.Stems(search.Query);
        // The networks found and the companies' words in memory are as fresh as this version at least.
        version ??= stems.Count > 0 ? versionReader.Read() : null;
        Paged<CompanyListItem> found;
        if (await OrderedWindowAsync(search, stems, version, cancellationToken) is { } window)
        {
            var ids = window.Ids.Skip((page - 1) * pageSize).Take(pageSize).ToList();
            var rows = reads.List(ListItemsSql, parameters => parameters.AddWithValue("$ids", $"[{string.Join(',', ids)}]"), ListItem).ToDictionary(c => c.Id);
            found = new Paged<CompanyListItem>([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], Math.Min(window.Count, SearchWindow), page, pageSize) { More = window.Count > SearchWindow };
        }
        else
        {
            var companies = await FilteredAsync(search, cancellationToken);
            var total = await companies.CountAsync(cancellationToken);
            var items = await companies.OrderBy(c => c.Name).Skip((page - 1) * pageSize).Take(pageSize).Select(ToListItem).ToListAsync(cancellationToken);
            found = new Paged<CompanyListItem>(items, total, page, pageSize);
        }

        IReadOnlyList<NetworkListItem> networks = [];
        if (page == 1 && stems.Count > 0)
        {
            var hits = await networkIndex.SearchAsync(db, version!.Value, stems, NetworksFound, cancellationToken);
            // The members of each network as the statistics counted them (a minute old at most): counting
            // them here walked a few hundred index entries per network (bench: 7 % more searches a second).
            var members = hits.Count == 0 ? null : (await statistics.ComputeAsync(cancellationToken)).MembersByNetwork;
            networks = [.. hits.Select(n => new NetworkListItem(n.Id, n.Slug, n.Name, n.Kind, n.Description, members!.GetValueOrDefault(n.Id)))];
        }

        return new DirectoryResults(networks, found);
    }

    /// <summary>
    /// The window of a search with words, in the page's order (<see cref="SearchWindow"/>): without filters, from the
    /// companies' words in memory when they are as fresh as <paramref name="version"/> (decision 0024), else from
    /// <see cref="WindowAsync"/>, ordered here; <see langword="null"/> without words.
    /// </summary>
    private async Task<SearchWindow?> OrderedWindowAsync(DirectorySearch search, IReadOnlyList<string> stems, long? version, CancellationToken cancellationToken)
    {
        if (!search.Filtered && stems.Count > 0 && companyIndex.Find(version!.Value, stems, SearchWindow + 1) is { } found)
        {
            return found;
        }

        return await WindowAsync(search, stems, cancellationToken) is { } window ? InPageOrder(window, stems) : null;
    }

    /// <summary>
    /// The window's first <see cref="SearchWindow"/> companies in the page's order: those whose name has the most of the
    /// <paramref name="stems"/> first, then by name (French order, whatever the case), then by id.
    /// </summary>
    internal static SearchWindow InPageOrder(IReadOnlyList<CompanyHit> window, IReadOnlyList<string> stems) =>
        new([.. window.Take(SearchWindow)
                .Select(hit => (hit.Id, hit.Name, InName: FullTextIndex.StemsFoundIn(stems, hit.Name)))
                .OrderByDescending(hit => hit.InName).ThenBy(hit => hit.Name, NameOrder).ThenBy(hit => hit.Id)
                .Select(hit => hit.Id)],
            window.Count);

    /// <summary>
    /// The one statement of a search with words: the window of matches the filters keep, at most
    /// <see cref="SearchWindow"/> + 1 with their names, which the caller counts and sorts for its page;
    /// <see langword="null"/> without words.
    /// </summary>
    /// <remarks>
    /// The window: the index yields its matches in its own (id) order and stops after the window, so a
    /// search reads the same few hundred entries of the index however many companies match (decision 0006,
    /// amendment 3). Without filters, the names come from an index of the names by id (amendment 8), on a statement
    /// kept prepared read without EF (amendment 9); the filters, when there are some, come before the window
    /// (<see cref="FilteredWindowAsync"/>), so that it holds only companies they keep. The order is the caller's: the
    /// companies whose name has the most words of the search first, then by name.
    /// </remarks>
    internal async Task<IReadOnlyList<CompanyHit>?> WindowAsync(DirectorySearch search, IReadOnlyList<string> stems, CancellationToken cancellationToken = default)
    {
        if (search.Filtered)
        {
            return await FilteredWindowAsync(search, cancellationToken) is { } window ? await window.ToListAsync(cancellationToken) : null;
        }

        return FullTextIndex.CompanyMatchOf(stems) is { } match
            ? reads.List(
                FullTextIndex.CompanyWindowSql,
                parameters =>
                {
                    parameters.AddWithValue("$match", match);
                    parameters.AddWithValue("$take", SearchWindow + 1);
                },
                row => new CompanyHit(row.GetInt32(0), row.GetString(1)))
            : null;
    }

    /// <summary>The window of a search with words and filters, as a query (<see cref="WindowAsync"/>); <see langword="null"/> without words.</summary>
    internal async Task<IQueryable<CompanyHit>?> FilteredWindowAsync(DirectorySearch search, CancellationToken cancellationToken = default)
    {
        if (FullTextIndex.Companies(db, search.Query) is not { } matches)
        {
            return null;
        }

        var companies = await FilteredAsync(search, cancellationToken);
        // Kept prepared (PreparedReads): one text for each combination of the filters, the words being its parameter.
        return (from match in matches join c in companies on match.Id equals c.Id orderby match.Id select new CompanyHit(c.Id, c.Name))
            .Take(SearchWindow + 1).TagWith(PreparedReads.Tag);
    }

    /// <summary>The companies the filters keep (network, sector, commune, size); unknown filter values keep none.</summary>
    private async Task<IQueryable<Company>> FilteredAsync(DirectorySearch search, CancellationToken cancellationToken)
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

        return companies;
    }

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

    /// <summary>
    /// The company with its memberships, or <see langword="null"/>. The memberships come without their
    /// <see cref="CompanyMembership.Network"/>: pages name networks from <c>INetworkDirectory</c>, which
    /// keeps them (joining the networks' rows cost the company page a tenth of its time, bench/README.md).
    /// </summary>
    public Task<Company?> FindCompanyAsync(int id, CancellationToken cancellationToken = default) =>
        db.Database.ReadAsync(() => ReadCompanyAsync(id, cancellationToken), cancellationToken);

    private async Task<Company?> ReadCompanyAsync(int id, CancellationToken cancellationToken)
    {
        if (await CompanyById(db, id, cancellationToken) is not { } company)
        {
            return null;
        }

        await foreach (var membership in MembershipsOf(db, id).WithCancellation(cancellationToken))
        {
            company.Memberships.Add(membership);
        }

        return company;
    }

    // The company page reads one company on every view: compiled once, so EF does not hash the query's
    // expression tree to find it in its cache on each request (bench: a sixth of the page's CPU), and its
    // statement kept prepared (PreparedReads), as its memberships'.
    private static readonly Func<PlatformDbContext, int, CancellationToken, Task<Company?>> CompanyById =
        EF.CompileAsyncQuery((PlatformDbContext context, int id, CancellationToken _) =>
            context.Companies.TagWith(PreparedReads.Tag).AsNoTracking().FirstOrDefault(c => c.Id == id));

    private static readonly Func<PlatformDbContext, int, IAsyncEnumerable<CompanyMembership>> MembershipsOf =
        EF.CompileAsyncQuery((PlatformDbContext context, int companyId) =>
            context.CompanyMemberships.TagWith(PreparedReads.Tag).AsNoTracking().Where(m => m.CompanyId == companyId));

    /// <summary>
    /// The communes that have at least one company, for the filter. SELECT DISTINCT would read the whole
    /// Commune index (one entry per company) on each search; this walks it with one seek per commune
    /// (a loose index scan, in standard SQL), in the same order.
    /// </summary>
    public async Task<IReadOnlyList<string>> CommunesAsync(CancellationToken cancellationToken = default) =>
        (await cache.GetOrCreateAsync("directory-communes", async entry =>
        {
            // A few hundred index seeks: kept a minute rather than walked on every search (the list is
            // the same instance meanwhile, so its <option>s are encoded once, see OptionList).
            entry.AbsoluteExpirationRelativeToNow = CommunesFreshFor;
            return await ReadCommunesAsync(cancellationToken);
        }))!;

    private async Task<IReadOnlyList<string>> ReadCommunesAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<string>("""
            WITH RECURSIVE "Walk"("Previous") AS (
                SELECT MIN("Commune") FROM "Companies"
                UNION ALL
                SELECT (SELECT MIN("c"."Commune") FROM "Companies" AS "c" WHERE "c"."Commune" > "Walk"."Previous") FROM "Walk" WHERE "Walk"."Previous" IS NOT NULL)
            SELECT "Previous" AS "Value" FROM "Walk" WHERE "Previous" IS NOT NULL
            """).ToListAsync(cancellationToken);

    private static readonly System.Linq.Expressions.Expression<Func<Company, CompanyListItem>> ToListItem =
        c => new CompanyListItem(c.Id, c.Name, c.NafCode, c.NafLabel, c.Sector, c.Commune, c.PostalCode, c.Headcount, c.Description);

    /// <summary>
    /// A search's page: the companies of the ids (<c>$ids</c>, a JSON array), on a statement kept prepared and read without
    /// EF (decision 0006, amendment 9), whatever their number; the columns of <see cref="ToListItem"/>. SQLite's SQL
    /// (<c>json_each</c>), as the kept statements are SQLite's (decision 0019).
    /// </summary>
    private const string ListItemsSql = """
        SELECT "Id", "Name", "NafCode", "NafLabel", "Sector", "Commune", "PostalCode", "Headcount", "Description"
        FROM "Companies" WHERE "Id" IN (SELECT "value" FROM json_each($ids))
        """;

    private static CompanyListItem ListItem(SqliteDataReader row) => new(
        row.GetInt32(0), row.GetString(1), Text(row, 2), Text(row, 3), Text(row, 4), Text(row, 5), Text(row, 6), row.IsDBNull(7) ? null : row.GetInt32(7), Text(row, 8));

    private static string? Text(SqliteDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
