namespace Platform.Host.Features.Companies;

/// <summary>Communes of Lot-et-Garonne (47) with their postcode, for the directory's forms, filters and demo data.</summary>
public static class LotEtGaronneCommunes
{
    public static IReadOnlyList<(string Name, string PostalCode)> All { get; } =
    [
        ("Agen", "47000"), ("Aiguillon", "47190"), ("Astaffort", "47220"), ("Barbaste", "47230"),
        ("Beauville", "47470"), ("Bias", "47300"), ("Boé", "47550"), ("Bon-Encontre", "47240"),
        ("Brax", "47310"), ("Cancon", "47290"), ("Casseneuil", "47440"), ("Castelculier", "47240"),
        ("Casteljaloux", "47700"), ("Castelmoron-sur-Lot", "47260"), ("Castillonnès", "47330"), ("Clairac", "47320"),
        ("Colayrac-Saint-Cirq", "47450"), ("Damazan", "47160"), ("Duras", "47120"), ("Estillac", "47310"),
        ("Foulayronnes", "47510"), ("Fourques-sur-Garonne", "47200"), ("Francescas", "47600"), ("Fumel", "47500"),
        ("Houeillès", "47420"), ("Lafox", "47240"), ("Laplume", "47310"), ("Lauzun", "47410"),
        ("Lavardac", "47230"), ("Layrac", "47390"), ("Le Mas-d'Agenais", "47430"), ("Le Passage", "47520"),
        ("Marmande", "47200"), ("Meilhan-sur-Garonne", "47180"), ("Mézin", "47170"), ("Miramont-de-Guyenne", "47800"),
        ("Monflanquin", "47150"), ("Montayral", "47500"), ("Nérac", "47600"), ("Penne-d'Agenais", "47140"),
        ("Pont-du-Casse", "47480"), ("Port-Sainte-Marie", "47130"), ("Prayssas", "47360"), ("Pujols", "47300"),
        ("Puymirol", "47270"), ("Roquefort", "47310"), ("Saint-Sylvestre-sur-Lot", "47140"), ("Sainte-Bazeille", "47180"),
        ("Sainte-Livrade-sur-Lot", "47110"), ("Samazan", "47250"), ("Sérignac-sur-Garonne", "47310"), ("Seyches", "47350"),
        ("Tonneins", "47400"), ("Tournon-d'Agenais", "47370"), ("Villeneuve-sur-Lot", "47300"), ("Villeréal", "47210"),
        ("Virazeil", "47200"),
    ];

    public static string? PostalCodeOf(string commune) =>
        All.FirstOrDefault(c => string.Equals(c.Name, commune.Trim(), StringComparison.OrdinalIgnoreCase)).PostalCode;

    /// <summary>The commune's canonical spelling, or <see langword="null"/> outside the département.</summary>
    public static string? Canonical(string commune) =>
        All.FirstOrDefault(c => string.Equals(c.Name, commune.Trim(), StringComparison.OrdinalIgnoreCase)).Name;
}
