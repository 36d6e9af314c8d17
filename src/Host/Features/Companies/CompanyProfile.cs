using System.Net.Mail;

namespace Platform.Host.Features.Companies;

/// <summary>
/// A company's profile as a form or a CSV line gives it, before it is applied. <see cref="Validate"/>
/// returns French messages keyed by field name; an empty result means <see cref="Company.Apply"/> may run.
/// </summary>
public sealed class CompanyProfile
{
    public string Name { get; set; } = "";

    public string? Siren { get; set; }

    public string? Siret { get; set; }

    public string? NafCode { get; set; }

    public string? Commune { get; set; }

    public string? PostalCode { get; set; }

    public int? Headcount { get; set; }

    public string? Description { get; set; }

    public string? Skills { get; set; }

    public string? Needs { get; set; }

    public string? Website { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public string? SirenNormalized => string.IsNullOrWhiteSpace(Siren)
        ? (SiretNormalized is { Length: >= 9 } siret ? siret[..9] : null)
        : BusinessIdentifiers.Normalize(Siren);

    public string? SiretNormalized => string.IsNullOrWhiteSpace(Siret) ? null : BusinessIdentifiers.Normalize(Siret);

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors[nameof(Name)] = "La raison sociale est obligatoire.";
        }
        else if (Name.Trim().Length > 200)
        {
            errors[nameof(Name)] = "La raison sociale ne doit pas dépasser 200 caractères.";
        }

        if (!string.IsNullOrWhiteSpace(Siren) && !BusinessIdentifiers.IsValidSiren(BusinessIdentifiers.Normalize(Siren)))
        {
            errors[nameof(Siren)] = $"Le SIREN « {Siren.Trim()} » n'est pas valide : 9 chiffres dont le dernier est une clé de contrôle.";
        }

        if (!string.IsNullOrWhiteSpace(Siret))
        {
            var siret = BusinessIdentifiers.Normalize(Siret);
            if (!BusinessIdentifiers.IsValidSiret(siret))
            {
                errors[nameof(Siret)] = $"Le SIRET « {Siret.Trim()} » n'est pas valide : 14 chiffres dont le dernier est une clé de contrôle.";
            }
            else if (!errors.ContainsKey(nameof(Siren)) && !string.IsNullOrWhiteSpace(Siren) && !siret.StartsWith(BusinessIdentifiers.Normalize(Siren), StringComparison.Ordinal))
            {
                errors[nameof(Siret)] = "Le SIRET doit commencer par le SIREN de l'entreprise.";
            }
        }

        if (!string.IsNullOrWhiteSpace(NafCode) && !NafCatalog.IsWellFormed(NafCatalog.Normalize(NafCode)))
        {
            errors[nameof(NafCode)] = $"Le code NAF « {NafCode.Trim()} » n'est pas valide (exemple : 10.39A).";
        }

        if (!string.IsNullOrWhiteSpace(Commune) && LotEtGaronneCommunes.Canonical(Commune) is null)
        {
            errors[nameof(Commune)] = $"« {Commune.Trim()} » n'est pas une commune de Lot-et-Garonne connue de l'annuaire.";
        }

        if (!string.IsNullOrWhiteSpace(PostalCode) && (PostalCode.Trim().Length != 5 || !PostalCode.Trim().StartsWith("47", StringComparison.Ordinal) || !PostalCode.Trim().All(char.IsAsciiDigit)))
        {
            errors[nameof(PostalCode)] = "Le code postal doit être un code de Lot-et-Garonne (47xxx).";
        }

        if (Headcount is < 0 or > 1_000_000)
        {
            errors[nameof(Headcount)] = "L'effectif doit être un nombre de salariés entre 0 et 1 000 000.";
        }

        if (!string.IsNullOrWhiteSpace(Website) && !(Uri.TryCreate(Website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors[nameof(Website)] = "Le site web doit être une adresse complète (https://…).";
        }

        if (!string.IsNullOrWhiteSpace(ContactEmail) && !MailAddress.TryCreate(ContactEmail.Trim(), out _))
        {
            errors[nameof(ContactEmail)] = $"L'adresse « {ContactEmail.Trim()} » n'est pas valide.";
        }

        Check(errors, nameof(Description), Description, 4000, "La description");
        Check(errors, nameof(Skills), Skills, 2000, "Les savoir-faire");
        Check(errors, nameof(Needs), Needs, 2000, "Les besoins");
        Check(errors, nameof(ContactName), ContactName, 200, "Le nom du contact");
        Check(errors, nameof(ContactPhone), ContactPhone, 30, "Le téléphone");
        return errors;
    }

    private static void Check(Dictionary<string, string> errors, string field, string? value, int max, string what)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors[field] = $"{what} ne doit pas dépasser {max} caractères.";
        }
    }
}
