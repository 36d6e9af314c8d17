namespace Platform.Abstractions.Directory;

/// <summary>
/// Read access to the directory (annuaire): member companies, their memberships and full-text search.
/// Networks themselves are read through <see cref="Networks.INetworkDirectory"/>. Resolve it from a page
/// model's constructor or a service of the plugin.
/// </summary>
public interface ICompanyDirectory
{
    /// <summary>The company with this id, or <see langword="null"/>.</summary>
    Task<CompanyInfo?> FindCompanyAsync(int companyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The company's contact details, or <see langword="null"/> when the company does not exist. The host
    /// shows them to signed-in members only: a plugin must do the same.
    /// </summary>
    Task<CompanyContact?> FindContactAsync(int companyId, CancellationToken cancellationToken = default);

    /// <summary>The networks a company belongs to, ordered by network name.</summary>
    Task<IReadOnlyList<CompanyMembershipInfo>> MembershipsOfCompanyAsync(int companyId, CancellationToken cancellationToken = default);

    /// <summary>One page of a network's member companies, ordered by name.</summary>
    /// <param name="networkId">The network's id.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Companies per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<CompanyPage> MembersOfNetworkAsync(int networkId, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default);

    /// <summary>
    /// Searches companies by name, description, skills, NAF label and commune (accent- and case-insensitive,
    /// every word must match), optionally within one network; the best matches first.
    /// </summary>
    /// <param name="query">The words to look for; empty lists every company by name.</param>
    /// <param name="networkSlug">Restricts to the members of this network, or <see langword="null"/>.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Companies per page, 1 to 100.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<CompanyPage> SearchAsync(string? query, string? networkSlug = null, int page = 1, int pageSize = 20, CancellationToken cancellationToken = default);
}
