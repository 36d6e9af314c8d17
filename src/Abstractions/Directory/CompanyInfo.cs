namespace Platform.Abstractions.Directory;

/// <summary>A member company's public profile, as the directory shows it to everyone.</summary>
/// <param name="Id">The host's stable id of the company.</param>
/// <param name="Name">Its trade name (raison sociale).</param>
/// <param name="Siren">Its 9-digit SIREN, when known.</param>
/// <param name="NafCode">Its NAF/APE code (<c>10.39A</c>), when known.</param>
/// <param name="NafLabel">The NAF code's label, when known.</param>
/// <param name="Sector">The directory's sector, derived from the NAF code.</param>
/// <param name="Commune">Its commune in Lot-et-Garonne.</param>
/// <param name="PostalCode">Its postcode.</param>
/// <param name="Headcount">Its number of employees, when known.</param>
/// <param name="Description">Its presentation.</param>
/// <param name="Skills">Its skills and offers, as phrases.</param>
/// <param name="Needs">What it looks for, as phrases.</param>
/// <param name="Website">Its web site.</param>
public sealed record CompanyInfo(
    int Id,
    string Name,
    string? Siren,
    string? NafCode,
    string? NafLabel,
    string? Sector,
    string? Commune,
    string? PostalCode,
    int? Headcount,
    string? Description,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Needs,
    string? Website);

/// <summary>A company's contact details: for signed-in members only.</summary>
/// <param name="CompanyId">The company's id.</param>
/// <param name="Name">The contact person.</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="Phone">Their phone number.</param>
public sealed record CompanyContact(int CompanyId, string? Name, string? Email, string? Phone);

/// <summary>A company is a member of a network.</summary>
/// <param name="CompanyId">The company's id.</param>
/// <param name="NetworkId">The network's id.</param>
/// <param name="NetworkSlug">The network's slug.</param>
/// <param name="NetworkName">The network's name.</param>
/// <param name="Since">When the company joined, when known.</param>
/// <param name="Role">Its role in the network (membre, président…), when known.</param>
public sealed record CompanyMembershipInfo(int CompanyId, int NetworkId, string NetworkSlug, string NetworkName, DateOnly? Since, string? Role);

/// <summary>One page of companies.</summary>
/// <param name="Items">The companies of this page.</param>
/// <param name="Total">How many companies match in all; for words, at most 201: a search reads the first 200 matches it finds, and 201 says there are more.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Companies per page.</param>
public sealed record CompanyPage(IReadOnlyList<CompanyInfo> Items, int Total, int Page, int PageSize);
