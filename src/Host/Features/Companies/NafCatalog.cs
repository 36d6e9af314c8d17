using System.Text.RegularExpressions;

namespace Platform.Host.Features.Companies;

/// <summary>
/// NAF rév. 2 codes (INSEE) the platform names, with their labels, and the sector each division belongs to
/// for the directory's « secteur » filter. Codes not listed are still accepted when well formed.
/// </summary>
public static partial class NafCatalog
{
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["01.11Z"] = "Culture de céréales (à l'exception du riz), de légumineuses et de graines oléagineuses",
        ["01.13Z"] = "Culture de légumes, de melons, de racines et de tubercules",
        ["01.24Z"] = "Culture de fruits à pépins et à noyau",
        ["01.30Z"] = "Reproduction de plantes",
        ["01.61Z"] = "Activités de soutien aux cultures",
        ["02.20Z"] = "Exploitation forestière",
        ["10.13A"] = "Préparation industrielle de produits à base de viande",
        ["10.32Z"] = "Préparation de jus de fruits et légumes",
        ["10.39A"] = "Autre transformation et conservation de légumes",
        ["10.39B"] = "Transformation et conservation de fruits",
        ["10.41A"] = "Fabrication d'huiles et graisses brutes",
        ["10.51C"] = "Fabrication de fromage",
        ["10.61A"] = "Meunerie",
        ["10.71A"] = "Fabrication industrielle de pain et de pâtisserie fraîche",
        ["10.71C"] = "Boulangerie et boulangerie-pâtisserie",
        ["10.82Z"] = "Fabrication de cacao, chocolat et de produits de confiserie",
        ["10.84Z"] = "Fabrication de condiments et assaisonnements",
        ["10.86Z"] = "Fabrication d'aliments homogénéisés et diététiques",
        ["10.89Z"] = "Fabrication d'autres produits alimentaires n.c.a.",
        ["11.01Z"] = "Production de boissons alcooliques distillées",
        ["11.02B"] = "Vinification",
        ["16.10A"] = "Sciage et rabotage du bois, hors imprégnation",
        ["16.10B"] = "Imprégnation du bois",
        ["16.21Z"] = "Fabrication de placage et de panneaux de bois",
        ["16.23Z"] = "Fabrication de charpentes et d'autres menuiseries",
        ["16.24Z"] = "Fabrication d'emballages en bois",
        ["16.29Z"] = "Fabrication d'objets divers en bois ; fabrication d'objets en liège, vannerie et sparterie",
        ["17.12Z"] = "Fabrication de papier et de carton",
        ["17.21A"] = "Fabrication de carton ondulé",
        ["20.14Z"] = "Fabrication d'autres produits chimiques organiques de base",
        ["20.15Z"] = "Fabrication de produits azotés et d'engrais",
        ["20.20Z"] = "Fabrication de pesticides et d'autres produits agrochimiques",
        ["20.59Z"] = "Fabrication d'autres produits chimiques n.c.a.",
        ["21.20Z"] = "Fabrication de préparations pharmaceutiques",
        ["22.22Z"] = "Fabrication d'emballages en matières plastiques",
        ["22.29A"] = "Fabrication de pièces techniques à base de matières plastiques",
        ["23.61Z"] = "Fabrication d'éléments en béton pour la construction",
        ["25.11Z"] = "Fabrication de structures métalliques et de parties de structures",
        ["25.50B"] = "Découpage, emboutissage",
        ["25.61Z"] = "Traitement et revêtement des métaux",
        ["25.62B"] = "Mécanique industrielle",
        ["26.11Z"] = "Fabrication de composants électroniques",
        ["26.51B"] = "Fabrication d'instrumentation scientifique et technique",
        ["27.12Z"] = "Fabrication de matériel de distribution et de commande électrique",
        ["28.29B"] = "Fabrication d'autres machines d'usage général",
        ["28.30Z"] = "Fabrication de machines agricoles et forestières",
        ["31.09B"] = "Fabrication d'autres meubles et industries connexes de l'ameublement",
        ["33.12Z"] = "Réparation de machines et équipements mécaniques",
        ["35.11Z"] = "Production d'électricité",
        ["35.30Z"] = "Production et distribution de vapeur et d'air conditionné",
        ["36.00Z"] = "Captage, traitement et distribution d'eau",
        ["37.00Z"] = "Collecte et traitement des eaux usées",
        ["38.11Z"] = "Collecte des déchets non dangereux",
        ["38.21Z"] = "Traitement et élimination des déchets non dangereux",
        ["38.32Z"] = "Récupération de déchets triés",
        ["39.00Z"] = "Dépollution et autres services de gestion des déchets",
        ["41.20A"] = "Construction de maisons individuelles",
        ["42.21Z"] = "Construction de réseaux pour fluides",
        ["43.21A"] = "Travaux d'installation électrique dans tous locaux",
        ["43.22B"] = "Travaux d'installation d'équipements thermiques et de climatisation",
        ["43.29A"] = "Travaux d'isolation",
        ["43.32A"] = "Travaux de menuiserie bois et PVC",
        ["43.91A"] = "Travaux de charpente",
        ["43.99C"] = "Travaux de maçonnerie générale et gros œuvre de bâtiment",
        ["46.31Z"] = "Commerce de gros (commerce interentreprises) de fruits et légumes",
        ["46.61Z"] = "Commerce de gros (commerce interentreprises) de matériel agricole",
        ["46.69B"] = "Commerce de gros (commerce interentreprises) de fournitures et équipements industriels divers",
        ["47.24Z"] = "Commerce de détail de pain, pâtisserie et confiserie en magasin spécialisé",
        ["49.41A"] = "Transports routiers de fret interurbains",
        ["52.29B"] = "Affrètement et organisation des transports",
        ["58.29C"] = "Édition de logiciels applicatifs",
        ["59.11A"] = "Production de films et de programmes pour la télévision",
        ["59.11C"] = "Production de films pour le cinéma",
        ["59.12Z"] = "Post-production de films cinématographiques, de vidéo et de programmes de télévision",
        ["62.01Z"] = "Programmation informatique",
        ["62.02A"] = "Conseil en systèmes et logiciels informatiques",
        ["63.11Z"] = "Traitement de données, hébergement et activités connexes",
        ["70.22Z"] = "Conseil pour les affaires et autres conseils de gestion",
        ["71.11Z"] = "Activités d'architecture",
        ["71.12B"] = "Ingénierie, études techniques",
        ["71.20B"] = "Analyses, essais et inspections techniques",
        ["72.11Z"] = "Recherche-développement en biotechnologie",
        ["72.19Z"] = "Recherche-développement en autres sciences physiques et naturelles",
        ["73.11Z"] = "Activités des agences de publicité",
        ["74.10Z"] = "Activités spécialisées de design",
        ["74.30Z"] = "Traduction et interprétation",
        ["74.90B"] = "Activités spécialisées, scientifiques et techniques diverses",
        ["85.59A"] = "Formation continue d'adultes",
        ["90.01Z"] = "Arts du spectacle vivant",
    };

    /// <summary>The directory's sectors, in display order.</summary>
    public static IReadOnlyList<string> Sectors { get; } =
    [
        "Agriculture et forêt",
        "Agroalimentaire",
        "Bois et ameublement",
        "Chimie, papier, plasturgie et matériaux",
        "Métallurgie, mécanique et électronique",
        "Énergie, eau et environnement",
        "Bâtiment et travaux publics",
        "Commerce, transport et logistique",
        "Numérique",
        "Image, création et communication",
        "Ingénierie, conseil et recherche",
        "Autres services",
    ];

    public static bool IsWellFormed(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>« 1039a », « 10.39 A » → <c>10.39A</c>; anything else is returned trimmed and upper-cased.</summary>
    public static string Normalize(string code)
    {
        var compact = new string(code.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return compact.Length == 5 && compact[..4].All(char.IsAsciiDigit) && char.IsAsciiLetter(compact[4])
            ? $"{compact[..2]}.{compact[2..]}"
            : code.Trim().ToUpperInvariant();
    }

    public static string? LabelOf(string code) => Labels.GetValueOrDefault(code);

    public static string SectorOf(string code) => int.Parse(code.AsSpan(0, 2), System.Globalization.CultureInfo.InvariantCulture) switch
    {
        >= 1 and <= 3 => Sectors[0],
        10 or 11 or 12 => Sectors[1],
        16 or 31 => Sectors[2],
        >= 17 and <= 23 => Sectors[3],
        >= 24 and <= 30 or 32 or 33 => Sectors[4],
        >= 35 and <= 39 => Sectors[5],
        >= 41 and <= 43 => Sectors[6],
        >= 45 and <= 53 => Sectors[7],
        >= 58 and <= 63 and not 59 and not 60 => Sectors[8],
        59 or 60 or 73 or 74 or 90 => Sectors[9],
        70 or 71 or 72 => Sectors[10],
        _ => Sectors[11],
    };

    [GeneratedRegex(@"^\d{2}\.\d{2}[A-Z]$")]
    private static partial Regex CodePattern();
}
