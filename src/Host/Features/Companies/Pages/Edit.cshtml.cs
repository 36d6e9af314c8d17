using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Companies.Pages;

/// <summary>
/// <c>/annuaire/entreprises/{id}/modifier</c>: a member edits their own company; an animator, the companies
/// of their networks. Anyone else gets a 404.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class EditModel(CompanyDirectory directory, CompanyEditing editing, ICurrentMember member) : PageModel
{
    [BindProperty]
    public CompanyProfile Input { get; set; } = new();

    [BindProperty]
    public string? HeadcountText { get; set; }

    public Company Company { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await directory.FindCompanyAsync(id, HttpContext.RequestAborted) is not { } company || !CompanyEditing.CanEdit(member, company))
        {
            return NotFound();
        }

        Company = company;
        Input = company.ToProfile();
        HeadcountText = company.Headcount?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await directory.FindCompanyAsync(id, HttpContext.RequestAborted) is not { } company || !CompanyEditing.CanEdit(member, company))
        {
            return NotFound();
        }

        Company = company;
        // The headcount arrives as text so that « 12 salariés » or « douze » is a French message, not a binding error.
        ModelState.Clear();
        Input.Headcount = null;
        if (!string.IsNullOrWhiteSpace(HeadcountText))
        {
            if (int.TryParse(HeadcountText.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var headcount))
            {
                Input.Headcount = headcount;
            }
            else
            {
                ModelState.AddModelError(nameof(HeadcountText), "L'effectif doit être un nombre entier de salariés.");
                return Page();
            }
        }

        var errors = await editing.UpdateAsync(id, Input, member, HttpContext.RequestAborted);
        if (errors is null)
        {
            return NotFound();
        }

        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field == nameof(CompanyProfile.Headcount) ? nameof(HeadcountText) : $"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        TempData["Message"] = "La fiche a été enregistrée.";
        return Redirect($"/annuaire/entreprises/{id}");
    }
}
