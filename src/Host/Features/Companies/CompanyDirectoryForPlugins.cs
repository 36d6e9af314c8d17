using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Directory;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>The directory as plugins see it (<see cref="ICompanyDirectory"/>): read models, no entity.</summary>
internal sealed class CompanyDirectoryForPlugins(PlatformDbContext db, CompanyDirectory directory) : ICompanyDirectory
{
    public async Task<CompanyInfo?> FindCompanyAsync(int companyId, CancellationToken cancellationToken = default)
    {
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        return company is null ? null : ToInfo(company);
    }

    public Task<CompanyContact?> FindContactAsync(int companyId, CancellationToken cancellationToken = default) =>
        db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new CompanyContact(c.Id, c.ContactName, c.ContactEmail, c.ContactPhone))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CompanyMembershipInfo>> MembershipsOfCompanyAsync(int companyId, CancellationToken cancellationToken = default) =>
        await db.CompanyMemberships.AsNoTracking().Where(m => m.CompanyId == companyId)
            .OrderBy(m => m.Network!.Name)
            .Select(m => new CompanyMembershipInfo(m.CompanyId, m.NetworkId, m.Network!.Slug, m.Network.Name, m.Since, m.Role))
            .ToListAsync(cancellationToken);

    public async Task<CompanyPage> MembersOfNetworkAsync(int networkId, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var members = await directory.MembersAsync(networkId, page, pageSize, cancellationToken);
        return await ToPageAsync(members, cancellationToken);
    }

    public async Task<CompanyPage> SearchAsync(string? query, string? networkSlug = null, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
    {
        var results = await directory.SearchAsync(new DirectorySearch(query, networkSlug, Page: page, PageSize: pageSize), cancellationToken: cancellationToken);
        return await ToPageAsync(results.Companies, cancellationToken);
    }

    private async Task<CompanyPage> ToPageAsync(Paged<CompanyListItem> paged, CancellationToken cancellationToken)
    {
        var ids = paged.Items.Select(i => i.Id).ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        return new CompanyPage(ids.Where(companies.ContainsKey).Select(id => ToInfo(companies[id])).ToList(), paged.More ? paged.Total + 1 : paged.Total, paged.Page, paged.PageSize);
    }

    internal static CompanyInfo ToInfo(Company c) =>
        new(c.Id, c.Name, c.Siren, c.NafCode, c.NafLabel, c.Sector, c.Commune, c.PostalCode, c.Headcount, c.Description, c.SkillList, c.NeedList, c.Website);
}
