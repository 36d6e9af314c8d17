namespace Platform.Abstractions.Networks;

/// <summary>The kinds of network the founding brief describes.</summary>
public enum NetworkKind
{
    /// <summary>Groupement industriel de filière (PROD'IAA, SOTRA, PROMOBOIS).</summary>
    SectorGrouping = 1,

    /// <summary>Groupement industriel transversal (GASCOGNE ENVIRONNEMENT, CIEL, eTIC).</summary>
    CrossSectorGrouping = 2,

    /// <summary>Groupement industriel thématique (ADEBAG).</summary>
    ThematicGrouping = 3,

    /// <summary>Cluster labellisé (Clusters 47, grappe d'entreprises DATAR).</summary>
    Cluster = 4,

    /// <summary>Club d'entreprises.</summary>
    Club = 5,

    /// <summary>Groupe de dirigeants (Groupe Innovation de la CCI).</summary>
    Group = 6,
}
