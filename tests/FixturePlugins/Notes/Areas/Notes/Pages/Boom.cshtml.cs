using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Plugins.Notes.Pages;

/// <summary>A page that always fails: the host must contain it (503 page, circuit breaker).</summary>
public sealed class BoomModel : PageModel
{
    public void OnGet() => throw new InvalidOperationException($"Panne volontaire du module de test ({Request.Path}).");
}
