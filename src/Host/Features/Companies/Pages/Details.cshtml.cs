using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire/entreprises/{id}</c>: a company, its networks, and complementary companies in other networks.</summary>
public sealed class DetailsModel(CompanyDirectory directory, ComplementarySuggestions suggestions, ICurrentMember member) : PageModel
{
    public Company Company { get; private set; } = default!;

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    public bool ShowContact => member.IsAuthenticated;

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await directory.FindCompanyAsync(id, HttpContext.RequestAborted) is not { } company)
        {
            return NotFound();
        }

        Company = company;
        CanEdit = CompanyEditing.CanEdit(member, company);
        Suggestions = await suggestions.ForAsync(id, HttpContext.RequestAborted);
        return Page();
    }
}
