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

    /// <summary>The NAF code's label, kept beside it so search can find « conserverie de légumes ».</summary>
    public string? NafLabel { get; set; }

    /// <summary>The directory's sector, derived from the NAF division (<see cref="NafCatalog.SectorOf"/>).</summary>
    public string? Sector { get; set; }

    public string? Commune { get; set; }

    public string? PostalCode { get; set; }

    public int? Headcount { get; set; }

    public string? Description { get; set; }

    /// <summary>Skills and offers, free text (phrases separated by commas).</summary>
    public string? Skills { get; set; }

    /// <summary>Needs, free text: what the company looks for in other networks.</summary>
    public string? Needs { get; set; }

    public string? Website { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>Last change of the profile, UTC.</summary>
    public DateTime? UpdatedAt { get; set; }

    public List<CompanyMembership> Memberships { get; } = [];

    /// <summary>Sets the profile from a validated <see cref="CompanyProfile"/>.</summary>
    public void Apply(CompanyProfile profile, DateTime now)
    {
        Name = profile.Name.Trim();
        Siren = profile.SirenNormalized;
        Siret = profile.SiretNormalized;
        SetNaf(profile.NafCode);
        Commune = Blank(profile.Commune) is { } commune ? LotEtGaronneCommunes.Canonical(commune) ?? commune.Trim() : null;
        PostalCode = Blank(profile.PostalCode)?.Trim() ?? (Commune is null ? null : LotEtGaronneCommunes.PostalCodeOf(Commune));
        Headcount = profile.Headcount;
        Description = Blank(profile.Description)?.Trim();
        Skills = Blank(profile.Skills)?.Trim();
        Needs = Blank(profile.Needs)?.Trim();
        Website = Blank(profile.Website)?.Trim();
        ContactName = Blank(profile.ContactName)?.Trim();
        ContactEmail = Blank(profile.ContactEmail)?.Trim();
        ContactPhone = Blank(profile.ContactPhone)?.Trim();
        UpdatedAt = now;
    }

    public void SetNaf(string? code)
    {
        if (Blank(code) is not { } value)
        {
            NafCode = NafLabel = Sector = null;
            return;
        }

        NafCode = NafCatalog.Normalize(value);
        NafLabel = NafCatalog.LabelOf(NafCode);
        Sector = NafCatalog.IsWellFormed(NafCode) ? NafCatalog.SectorOf(NafCode) : null;
    }

    public CompanyProfile ToProfile() => new()
    {
        Name = Name, Siren = Siren, Siret = Siret, NafCode = NafCode, Commune = Commune, PostalCode = PostalCode,
        Headcount = Headcount, Description = Description, Skills = Skills, Needs = Needs, Website = Website,
        ContactName = ContactName, ContactEmail = ContactEmail, ContactPhone = ContactPhone,
    };

    /// <summary>The skills as a list of phrases.</summary>
    public IReadOnlyList<string> SkillList => Phrases(Skills);

    public IReadOnlyList<string> NeedList => Phrases(Needs);

    public static IReadOnlyList<string> Phrases(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
