using Platform.Abstractions.Purchasing;

namespace Platform.Bench.Runner.Data;

/// <summary>Trades, regions and purchases of Lot-et-Garonne, for names the host's demo data does not provide.</summary>
public static class FrenchCatalog
{
    /// <summary>NAF codes of the host's catalog and the trade a company name starts with.</summary>
    public static IReadOnlyList<(string Naf, string Trade)> Trades { get; } =
    [
        ("10.39A", "Conserverie"), ("10.39B", "Pruneaux"), ("10.32Z", "Jus de fruits"), ("10.13A", "Salaisons"),
        ("10.71A", "Boulangerie industrielle"), ("10.82Z", "Confiserie"), ("11.01Z", "Distillerie"), ("10.51C", "Fromagerie"),
        ("25.62B", "Mécanique"), ("25.11Z", "Charpente métallique"), ("25.61Z", "Traitement de surface"), ("28.29B", "Machines spéciales"),
        ("33.12Z", "Maintenance"), ("43.21A", "Électricité"), ("43.22B", "Génie climatique"), ("22.29A", "Plasturgie"),
        ("71.12B", "Bureau d'études"), ("16.10A", "Scierie"), ("16.23Z", "Menuiserie"), ("16.24Z", "Emballages bois"),
        ("31.09B", "Ameublement"), ("43.91A", "Charpente"), ("38.11Z", "Collecte"), ("38.32Z", "Recyclage"),
        ("37.00Z", "Assainissement"), ("35.11Z", "Énergies"), ("49.41A", "Transports"), ("52.29B", "Transit international"),
        ("62.01Z", "Développement"), ("73.11Z", "Agence web"), ("59.11A", "Productions"), ("01.30Z", "Pépinières"),
        ("20.14Z", "Chimie verte"), ("17.21A", "Cartonnerie"), ("41.20A", "Maisons"), ("43.29A", "Isolation"),
    ];

    public static IReadOnlyList<string> Regions { get; } =
    [
        "du Pays d'Albret", "du Val de Garonne", "du Villeneuvois", "du Marmandais", "du Fumélois", "du Néracais",
        "de l'Agenais", "du Confluent", "du Lot", "du Pays de Serres", "du Haut-Agenais", "du Bruilhois", "de Guyenne", "de Gascogne",
    ];

    public static IReadOnlyList<string> LegalForms { get; } = ["SAS", "SARL", "et Fils", "Frères", "Industries", "et Associés"];

    public static IReadOnlyList<(PurchaseCategory Category, string Title, string Unit, decimal Price)> Purchases { get; } =
    [
        (PurchaseCategory.Energy, "Électricité verte", "MWh", 142m), (PurchaseCategory.Energy, "Gaz naturel", "MWh", 61m),
        (PurchaseCategory.Maintenance, "Maintenance des compresseurs d'air", "interventions", 380m),
        (PurchaseCategory.Maintenance, "Vérification des extincteurs", "extincteurs", 9.5m),
        (PurchaseCategory.Packaging, "Palettes Europe", "palettes", 11.2m), (PurchaseCategory.Packaging, "Cartons double cannelure", "cartons", 0.84m),
        (PurchaseCategory.Packaging, "Film étirable", "rouleaux", 14.9m), (PurchaseCategory.Supplies, "Papier A4 recyclé", "ramettes", 3.9m),
        (PurchaseCategory.ProtectiveEquipment, "Chaussures de sécurité", "paires", 48m), (PurchaseCategory.ProtectiveEquipment, "Gants anti-coupure", "paires", 4.2m),
        (PurchaseCategory.Training, "Formation Sauveteur secouriste du travail", "stagiaires", 210m), (PurchaseCategory.Training, "Habilitation électrique", "stagiaires", 320m),
    ];
}
