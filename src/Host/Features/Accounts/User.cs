using Microsoft.AspNetCore.Identity;
using Platform.Host.Features.Companies;

namespace Platform.Host.Features.Accounts;

/// <summary>A person who signs in: a company head, an animator or a platform administrator.</summary>
public sealed class User : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>The company the person belongs to, for members.</summary>
    public int? CompanyId { get; set; }

    public Company? Company { get; set; }
}
