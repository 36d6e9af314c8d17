using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire/statistiques</c>: members and employees per network, laid out like the founding brief's table.</summary>
public sealed class StatisticsModel(DirectoryStatistics statistics) : PageModel
{
    public DirectoryFigures Figures { get; private set; } = default!;

    public async Task OnGetAsync() => Figures = await statistics.ComputeAsync(HttpContext.RequestAborted);
}
