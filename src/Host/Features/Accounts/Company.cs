namespace Platform.Host.Features.Accounts;

/// <summary>A member company. The directory issue grows it (SIREN, NAF, commune, memberships…).</summary>
public sealed class Company
{
    public int Id { get; set; }

    public required string Name { get; set; }
}
