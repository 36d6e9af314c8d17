using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Host.Features.Companies.Pages;

/// <summary>
/// <c>/annuaire/statistiques</c>: members and employees per network, laid out like the founding brief's
/// table; beyond a few dozen networks, the largest of each part first, every network with <c>?vue=tous</c>.
/// </summary>
public sealed class StatisticsModel(DirectoryStatistics statistics) : PageModel
{
    public const string AllView = "tous";

    [FromQuery(Name = "vue")]
    public string? View { get; set; }

    public bool ShowsAll => View == AllView;

    public DirectoryFigures Figures { get; private set; } = default!;

    /// <summary>The tables this view shows.</summary>
    public StatisticsTables Tables => ShowsAll ? Figures.All : Figures.Largest;

    public async Task OnGetAsync() => Figures = await statistics.ComputeAsync(HttpContext.RequestAborted);
}
