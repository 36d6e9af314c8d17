using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Host.Features.Accounts.Pages;

public sealed class LoginModel(SignInManager<User> signIn, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        logger.LogWarning("Failed sign-in for {Email} from {Ip} (locked out: {LockedOut}) at {AtUtc:O}",
            SecurityLog.Clean(Input.Email), HttpContext.Connection.RemoteIpAddress, result.IsLockedOut, DateTime.UtcNow);
        // One message whether the account exists, the password is wrong or the account is locked:
        // the page must not tell an attacker which e-mails have accounts.
        ModelState.AddModelError(string.Empty, "Adresse e-mail ou mot de passe incorrect, ou compte temporairement bloqué après plusieurs essais.");
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
        [EmailAddress(ErrorMessage = "Cette adresse e-mail n'est pas valide.")]
        [StringLength(256, ErrorMessage = "L'adresse e-mail est trop longue.")]
        [Display(Name = "Adresse e-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        [StringLength(1024, ErrorMessage = "Le mot de passe est trop long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";
    }
}
