using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Errors.Pages;

/// <summary>
/// The page shown for error status codes and unhandled exceptions, in French, without details. It is
/// re-executed with the failed request's method: handlers take no parameters, so nothing is bound from
/// a form that may be the very cause of the error (an unreadable body, a NUL character).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Une erreur s'est produite";

    public string Explanation { get; private set; } = "La page n'a pas pu être affichée. Réessayez dans un instant.";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var afterException = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        var status = reExecuted && int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : afterException ? StatusCodes.Status500InternalServerError : StatusCodes.Status404NotFound;
        Response.StatusCode = status;
        (Title, Explanation) = status switch
        {
            404 => ("Page introuvable", "Cette page n'existe pas, ou plus, ou n'est pas ouverte à ce réseau."),
            403 => ("Accès refusé", "Votre compte ne permet pas d'ouvrir cette page."),
            400 => ("Demande invalide", "La demande n'a pas pu être comprise. Vérifiez le formulaire et réessayez."),
            413 => ("Envoi trop volumineux", "Le formulaire ou le fichier envoyé dépasse la taille permise."),
            429 => ("Trop de demandes", "Merci de patienter un instant avant de réessayer."),
            503 when HttpContext.Items[PluginGateMiddleware.UnavailablePluginItem] is not null =>
                ("Module temporairement indisponible", "Ce module rencontre un problème. Le reste du site fonctionne ; réessayez dans quelques minutes."),
            503 => ("Service indisponible", "Le service est momentanément indisponible. Réessayez dans quelques minutes."),
            _ => (Title, Explanation),
        };
    }
}
