namespace Platform.Abstractions.Purchasing;

/// <summary>What a joint purchase buys.</summary>
public enum PurchaseCategory
{
    /// <summary>Énergie (électricité, gaz, carburants).</summary>
    Energy = 1,

    /// <summary>Maintenance (extincteurs, compresseurs, contrôles périodiques).</summary>
    Maintenance = 2,

    /// <summary>Emballages (cartons, films, palettes).</summary>
    Packaging = 3,

    /// <summary>Fournitures (bureau, consommables).</summary>
    Supplies = 4,

    /// <summary>EPI, équipements de protection individuelle.</summary>
    ProtectiveEquipment = 5,

    /// <summary>Formation (sessions inter-entreprises).</summary>
    Training = 6,

    /// <summary>Autre.</summary>
    Other = 99,
}
