using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Platform.Host.Features.Accounts;

/// <summary>Identity's validation messages, in French.</summary>
internal sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = string.Format(CultureInfo.GetCultureInfo("fr-FR"), "Le mot de passe doit contenir au moins {0} caractères.", length),
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = $"L'adresse « {email} » est déjà utilisée.",
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = $"Le compte « {userName} » existe déjà.",
    };

    public override IdentityError InvalidEmail(string? email) => new()
    {
        Code = nameof(InvalidEmail),
        Description = $"L'adresse « {email} » n'est pas valide.",
    };

    public override IdentityError InvalidUserName(string? userName) => new()
    {
        Code = nameof(InvalidUserName),
        Description = $"Le nom de compte « {userName} » n'est pas valide.",
    };
}
