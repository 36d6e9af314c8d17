using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Networks;

namespace Platform.Plugins.BenchGate.Pages;

/// <summary>The host's /reseaux page model, through the plugin contract.</summary>
public sealed class IndexModel(INetworkDirectory directory) : PageModel
{
    public IReadOnlyList<IGrouping<NetworkKind, NetworkInfo>> Groups { get; private set; } = [];

    public async Task OnGetAsync() =>
        Groups = (await directory.ListAsync(HttpContext.RequestAborted)).GroupBy(n => n.Kind).OrderBy(g => g.Key).ToList();

    // The host's NetworkKindLabels is not part of the contract; the same French labels.
    public static string KindLabel(NetworkKind kind) => kind switch
    {
        NetworkKind.SectorGrouping => "Groupement industriel de filière",
        NetworkKind.CrossSectorGrouping => "Groupement industriel transversal",
        NetworkKind.ThematicGrouping => "Groupement industriel thématique",
        NetworkKind.Cluster => "Cluster",
        NetworkKind.Club => "Club d'entreprises",
        NetworkKind.Group => "Groupe",
        _ => "Réseau",
    };
}
