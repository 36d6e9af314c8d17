using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Host.Data;

namespace Platform.Host.Features.Accounts;

/// <summary>Claim types the platform adds to a signed-in user.</summary>
public static class PlatformClaims
{
    public const string DisplayName = "platform:name";
    public const string Company = "platform:company";
    public const string AnimatedNetwork = "platform:animates";
}

/// <summary>
/// Puts the display name, company and animated networks in the cookie, so pages need no query to
/// know them. The security-stamp validator rebuilds them every minute (see AccountsServiceCollectionExtensions).
/// </summary>
internal sealed class PlatformClaimsFactory(
    UserManager<User> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    PlatformDbContext db)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaims.DisplayName, user.DisplayName));
        if (user.CompanyId is { } companyId)
        {
            identity.AddClaim(new Claim(PlatformClaims.Company, companyId.ToString(CultureInfo.InvariantCulture)));
        }

        var networkIds = await db.NetworkAnimators.Where(a => a.UserId == user.Id).Select(a => a.NetworkId).ToListAsync();
        foreach (var id in networkIds)
        {
            identity.AddClaim(new Claim(PlatformClaims.AnimatedNetwork, id.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
