using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Host.Features.Accounts.Pages;

/// <summary>
/// GET asks for confirmation (the layout's « Se déconnecter » links here); POST, with the antiforgery token of
/// that form, signs out.
/// </summary>
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            // A new security stamp invalidates every copy of the cookie at its next validation.
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage();
    }
}
