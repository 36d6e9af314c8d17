using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies;

/// <summary>A company is a member (adhérent) of a network.</summary>
public sealed class CompanyMembership
{
    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public int NetworkId { get; set; }

    public Network? Network { get; set; }

    /// <summary>When the company joined (a date, no time).</summary>
    public DateOnly? Since { get; set; }

    /// <summary>Its role in the network (membre, administrateur, président…), free text.</summary>
    public string? Role { get; set; }
}
