namespace Platform.Host.Features.Companies;

/// <summary>A member company (adhérent), stored once whatever the number of networks it belongs to.</summary>
public sealed class Company
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The 9-digit SIREN, unique when known: the key that de-duplicates companies.</summary>
    public string? Siren { get; set; }

    /// <summary>The 14-digit SIRET of the establishment in Lot-et-Garonne.</summary>
    public string? Siret { get; set; }

    /// <summary>NAF/APE code, <c>10.39A</c>.</summary>
    public string? NafCode { get; set; }

    public string? Commune { get; set; }

    public string? PostalCode { get; set; }

    public int? Headcount { get; set; }

    public string? Description { get; set; }

    /// <summary>Skills and offers, free text.</summary>
    public string? Skills { get; set; }

    /// <summary>Needs, free text: what the company looks for in other networks.</summary>
    public string? Needs { get; set; }

    public string? Website { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public List<CompanyMembership> Memberships { get; } = [];
}
