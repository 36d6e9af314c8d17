using Microsoft.AspNetCore.Identity;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Accounts;

/// <summary>Creates accounts and roles: used by the demo seeder and the command line.</summary>
public sealed class AccountAdministration(UserManager<User> users, RoleManager<IdentityRole> roles, DatabaseTicketStore sessions)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { PlatformRoles.Admin, PlatformRoles.Animator, PlatformRoles.Member })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Creates the user if the e-mail is new, and adds the role. Returns the user and the errors, if any.</summary>
    public async Task<(User? User, IReadOnlyList<string> Errors)> CreateAsync(
        string email, string displayName, string password, string role, int? companyId = null)
    {
        await EnsureRolesAsync();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CompanyId = companyId };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return (null, created.Errors.Select(e => e.Description).ToList());
            }
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return (null, added.Errors.Select(e => e.Description).ToList());
            }
        }

        return (user, []);
    }

    /// <summary>
    /// Disables an account: it cannot sign in any more, and its open sessions end at once (their
    /// server-side tickets are deleted). Returns false for an unknown e-mail.
    /// </summary>
    public async Task<bool> DisableAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return false;
        }

        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        await sessions.RemoveAllAsync(user.Id);
        return true;
    }

    /// <summary>Re-enables a disabled account. Returns false for an unknown e-mail.</summary>
    public async Task<bool> EnableAsync(string email)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return false;
        }

        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
