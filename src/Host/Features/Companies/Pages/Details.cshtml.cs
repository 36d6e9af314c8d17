using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire/entreprises/{id}</c>: a company, its networks, and complementary companies in other networks.</summary>
public sealed class DetailsModel(CompanyDirectory directory, ComplementarySuggestions suggestions, ICurrentMember member, INetworkDirectory networks) : PageModel
{
    public Company Company { get; private set; } = default!;

    /// <summary>The company's networks, by name, with when it joined each.</summary>
    public IReadOnlyList<(NetworkInfo Network, DateOnly? Since)> Networks { get; private set; } = [];

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
        var joined = new List<(NetworkInfo, DateOnly?)>(company.Memberships.Count);
        foreach (var m in company.Memberships)
        {
            if (await networks.FindAsync(m.NetworkId, HttpContext.RequestAborted) is { } network)
            {
                joined.Add((network, m.Since));
            }
        }

        Networks = joined.OrderBy(n => n.Item1.Name, StringComparer.Ordinal).ToList();
        CanEdit = CompanyEditing.CanEdit(member, company);
        Suggestions = await suggestions.ForAsync(id, HttpContext.RequestAborted);
        return Page();
    }
}
