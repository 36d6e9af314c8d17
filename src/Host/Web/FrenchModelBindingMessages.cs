using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Platform.Host.Web;

internal static class FrenchModelBindingMessages
{
    /// <summary>Model-binding errors (a letter in a number field…) in French.</summary>
    public static void UseFrench(this DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n'est pas valide pour {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ {field} est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur fournie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Ce champ doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur fournie n'est pas valide pour {field}.");
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"Le champ {field} doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(value => $"La valeur « {value} » n'est pas valide.");
    }
}
