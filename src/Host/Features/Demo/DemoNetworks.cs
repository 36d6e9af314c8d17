using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Demo;

/// <summary>The networks named in the founding brief (« Interclustering 47 »).</summary>
public static class DemoNetworks
{
    public static IReadOnlyList<(string Slug, string Name, NetworkKind Kind, string Description)> All { get; } =
    [
        ("prod-iaa", "PROD'IAA", NetworkKind.SectorGrouping, "Groupement industriel de l'agroalimentaire."),
        ("sotra", "SOTRA", NetworkKind.SectorGrouping, "Groupement industriel de la construction et de la sous-traitance."),
        ("promobois", "PROMOBOIS", NetworkKind.SectorGrouping, "Groupement industriel de la transformation du bois."),
        ("gascogne-environnement", "GASCOGNE ENVIRONNEMENT", NetworkKind.CrossSectorGrouping, "Groupement transversal du développement durable."),
        ("ciel", "CIEL", NetworkKind.CrossSectorGrouping, "Groupement transversal du développement international."),
        ("etic", "eTIC", NetworkKind.Club, "Club transversal des entreprises des technologies de l'information et de la communication (eTIC47)."),
        ("adebag", "ADEBAG", NetworkKind.ThematicGrouping, "Association des Entreprises du Bassin Adour-Garonne : le lobbying industriel de l'eau."),
        ("groupe-innovation", "Groupe Innovation de la CCI", NetworkKind.Group, "Une cinquantaine de dirigeants de toutes tailles et de tous secteurs, force de propositions pour l'innovation."),
        ("fruits-legumes-nutrition-sante", "Cluster Fruits et légumes / nutrition santé", NetworkKind.Cluster, "Premier cluster de Lot-et-Garonne, grappe d'entreprises labellisée par la DATAR."),
        ("bois-energie-fumelois", "Cluster Bois et énergie du Fumélois", NetworkKind.Cluster, "Cluster 47."),
        ("cinema-economie-creative", "Cluster Cinéma et économie créative", NetworkKind.Cluster, "Cluster 47."),
        ("demain", "Cluster DEMAIN", NetworkKind.Cluster, "Cluster 47 des agroressources."),
        ("eau-adaptation-climat", "Cluster Eau et adaptation au changement climatique", NetworkKind.Cluster, "Cluster 47."),
        ("eclair", "Cluster ECLAIR", NetworkKind.Cluster, "Cluster 47 du bâtiment et de la construction BBC et HQE."),
        ("inoo", "Cluster INOO", NetworkKind.Cluster, "Cluster 47 du numérique."),
        ("plantes-au-service-des-plantes", "Cluster Les plantes au service des plantes", NetworkKind.Cluster, "Cluster 47."),
        ("machinisme-agricole", "Cluster Machinisme agricole, l'innovation en action", NetworkKind.Cluster, "Cluster 47."),
        ("pain-bio-local", "Cluster Pain bio local", NetworkKind.Cluster, "Cluster 47."),
    ];
}
