using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Companies.Pages;

/// <summary>
/// <c>/annuaire/reseaux/{slug}/import</c>: an animator uploads (or pastes) a CSV of members, sees a preview with
/// every error by line, and confirms. Nothing is imported unless the whole file is valid.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
[ImportSizeGuard]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = MaxRequestBytes, MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(CompanyDirectory directory, CompanyCsv csv, ICurrentMember member) : PageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The file, or the pasted text, plus the form's other fields.</summary>
    public const int MaxRequestBytes = MaxBytes + (64 * 1024);

    /// <summary>The query string value <see cref="ImportSizeGuardAttribute"/> redirects with.</summary>
    public const string TooLarge = "taille";

    public Networks.Network Network { get; private set; } = default!;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The file's content, pasted, or carried from the preview to the confirmation.</summary>
    [BindProperty]
    public string? CsvText { get; set; }

    public ImportPreview? Preview { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "erreur")] string? error)
    {
        if (await Find(slug) is null)
        {
            return NotFound();
        }

        if (error == TooLarge)
        {
            Errors = ["Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers."];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug)
    {
        if (await Find(slug) is not { } network)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > MaxBytes)
            {
                Errors = ["Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers."];
                return Page();
            }

            using var reader = new StreamReader(Upload.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            CsvText = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }

        if (string.IsNullOrWhiteSpace(CsvText))
        {
            Errors = ["Choisissez un fichier CSV ou collez son contenu."];
            return Page();
        }

        Preview = await csv.PreviewAsync(network.Id, CsvText, HttpContext.RequestAborted);
        Errors = Preview.Errors;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string slug)
    {
        if (await Find(slug) is not { } network)
        {
            return NotFound();
        }

        ModelState.Clear();
        var (errors, created, added) = await csv.ImportAsync(network.Id, CsvText ?? "", HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        TempData["Message"] = $"Import terminé : {created} entreprise(s) créée(s), {added} adhésion(s) ajoutée(s) au réseau.";
        return Redirect($"/annuaire/reseaux/{network.Slug}");
    }

    private async Task<Networks.Network?> Find(string slug)
    {
        var network = await directory.FindNetworkAsync(slug, HttpContext.RequestAborted);
        if (network is null || !member.IsAnimatorOf(network.Id))
        {
            return null;
        }

        Network = network;
        return network;
    }
}

/// <summary>
/// Turns away an import request larger than <see cref="ImportModel.MaxRequestBytes"/> before anything reads
/// its form (the antiforgery check reads it first, and a form past the framework's limits ends in a 500):
/// back to the import page, which says why.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ImportSizeGuardAttribute : Attribute, Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter, Microsoft.AspNetCore.Mvc.Filters.IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is > ImportModel.MaxRequestBytes)
        {
            context.Result = new RedirectResult($"{request.PathBase}{request.Path}?erreur={ImportModel.TooLarge}");
        }
    }
}
