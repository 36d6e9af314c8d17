using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks;

public static class NetworkKindLabels
{
    public static string ToFrench(this NetworkKind kind) => kind switch
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
