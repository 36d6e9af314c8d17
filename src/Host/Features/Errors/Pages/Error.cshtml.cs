using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Errors.Pages;

/// <summary>The page shown for error status codes and unhandled exceptions, in French, without details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Une erreur s'est produite";

    public string Explanation { get; private set; } = "La page n'a pas pu être affichée. Réessayez dans un instant.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed for a status code, the original code is kept; reached after an exception, 500.
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        (Title, Explanation) = status switch
        {
            404 => ("Page introuvable", "Cette page n'existe pas, ou plus, ou n'est pas ouverte à ce réseau."),
            403 => ("Accès refusé", "Votre compte ne permet pas d'ouvrir cette page."),
            400 => ("Demande invalide", "La demande n'a pas pu être comprise. Vérifiez le formulaire et réessayez."),
            429 => ("Trop de demandes", "Merci de patienter un instant avant de réessayer."),
            503 when HttpContext.Items[PluginGateMiddleware.UnavailablePluginItem] is not null =>
                ("Module temporairement indisponible", "Ce module rencontre un problème. Le reste du site fonctionne ; réessayez dans quelques minutes."),
            503 => ("Service indisponible", "Le service est momentanément indisponible. Réessayez dans quelques minutes."),
            _ => (Title, Explanation),
        };
    }
}
