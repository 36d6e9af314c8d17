using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire/statistiques</c>: members and employees per network, laid out like the founding brief's table.</summary>
public sealed class StatisticsModel(DirectoryStatistics statistics) : PageModel
{
    public IReadOnlyList<StatisticsRow> Groupings { get; private set; } = [];

    public IReadOnlyList<StatisticsRow> Others { get; private set; } = [];

    public int DistinctCompanies { get; private set; }

    public async Task OnGetAsync() =>
        (Groupings, Others, DistinctCompanies) = await statistics.ComputeAsync(HttpContext.RequestAborted);
}
