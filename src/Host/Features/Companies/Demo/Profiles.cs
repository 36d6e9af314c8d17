namespace Platform.Host.Features.Companies.Demo;

/// <summary>A sector's activities (NAF code, name stem), skills, needs and pitch lines, for generated demo companies.</summary>
internal sealed record Profile(
    (string Naf, string Stem)[] Activities, string[] Skills, string[] Needs, string[] Pitches);

/// <summary>
/// The sectors of the brief's networks. Needs of one sector name skills of another on purpose: the
/// interclustering suggestions have something to find across networks.
/// </summary>
internal static class Profiles
{
    public static readonly Profile Agrifood = new(
        [("10.39A", "Conserverie"), ("10.39B", "Pruneaux"), ("10.32Z", "Jus de fruits"), ("10.13A", "Salaisons"), ("10.71A", "Boulangerie industrielle"),
         ("10.82Z", "Confiserie"), ("10.84Z", "Condiments"), ("10.89Z", "Délices"), ("11.01Z", "Distillerie"), ("11.02B", "Chais"),
         ("10.51C", "Fromagerie"), ("10.86Z", "Nutrition"), ("46.31Z", "Primeurs"), ("01.24Z", "Vergers")],
        ["transformation de fruits et légumes", "conserverie", "séchage de pruneaux", "conditionnement alimentaire", "surgélation",
         "jus de fruits", "plats cuisinés", "démarche qualité IFS", "traçabilité alimentaire"],
        ["emballages en bois", "maintenance industrielle", "traitement des effluents", "site de vente en ligne", "prospection à l'export",
         "valorisation des déchets organiques", "efficacité énergétique", "étiquetage et design d'emballage", "transport frigorifique"],
        ["Produits du terroir vendus en grande distribution et à l'export.", "Fournisseur de la restauration collective du Sud-Ouest.",
         "Transformation de la production de vergers du Lot-et-Garonne.", "Recettes traditionnelles, outil de production moderne."]);

    public static readonly Profile Mechanics = new(
        [("25.62B", "Mécanique"), ("25.11Z", "Charpente métallique"), ("25.61Z", "Traitement de surface"), ("28.29B", "Machines spéciales"),
         ("33.12Z", "Maintenance"), ("43.21A", "Électricité"), ("43.22B", "Génie climatique"), ("41.20A", "Constructions"),
         ("43.99C", "Maçonnerie"), ("22.29A", "Plasturgie"), ("25.50B", "Découpage"), ("71.12B", "Bureau d'études"),
         ("23.61Z", "Préfabrication béton"), ("27.12Z", "Tableaux électriques")],
        ["usinage de précision", "chaudronnerie", "maintenance industrielle", "structures métalliques", "installation électrique",
         "soudure", "tôlerie fine", "automatismes industriels", "études mécaniques", "gros œuvre", "machines spéciales"],
        ["logiciel de gestion de production", "prospection à l'export", "recyclage des métaux", "formation des soudeurs",
         "efficacité énergétique", "bilan carbone", "vidéo de présentation", "peinture industrielle"],
        ["Sous-traitant de rang 1 pour l'aéronautique et l'agroalimentaire.", "Atelier équipé de centres d'usinage à commande numérique.",
         "Intervient sur les chantiers de la région en moins de 24 heures.", "Petites et moyennes séries, prototypes."]);

    public static readonly Profile Wood = new(
        [("16.10A", "Scierie"), ("16.10B", "Traitement du bois"), ("16.23Z", "Menuiserie"), ("16.24Z", "Emballages bois"),
         ("16.29Z", "Tournerie"), ("31.09B", "Ameublement"), ("02.20Z", "Exploitation forestière"), ("43.91A", "Charpente"), ("16.21Z", "Panneaux")],
        ["sciage de peuplier", "emballages en bois", "palettes", "charpente traditionnelle", "menuiserie sur mesure",
         "granulés de bois énergie", "cagettes", "agencement intérieur", "bois de chauffage", "bois de construction"],
        ["maintenance industrielle", "séchage du bois", "site de vente en ligne", "certification environnementale", "transport routier",
         "machines spéciales", "valorisation des sciures"],
        ["Peuplier et pin des Landes issus de forêts gérées durablement.", "Fabrication sur mesure, de la pièce unique à la grande série.",
         "Entreprise familiale depuis trois générations.", "Certifiée PEFC."]);

    public static readonly Profile Environment = new(
        [("38.11Z", "Collecte"), ("38.32Z", "Recyclage"), ("37.00Z", "Assainissement"), ("39.00Z", "Dépollution"), ("35.11Z", "Énergies"),
         ("71.12B", "Ingénierie environnement"), ("74.90B", "Conseil environnement"), ("38.21Z", "Valorisation"), ("71.20B", "Laboratoire")],
        ["traitement des effluents", "collecte des déchets", "valorisation des déchets organiques", "certification environnementale",
         "bilan carbone", "efficacité énergétique", "recyclage des métaux", "méthanisation", "analyse en laboratoire", "photovoltaïque",
         "valorisation des sciures"],
        ["structures métalliques", "logiciel de suivi des déchets", "vidéo de présentation", "transport routier", "chaudronnerie", "formation réglementaire"],
        ["Accompagne les industriels dans leur démarche ISO 14001.", "Solutions clés en main pour les sites industriels.",
         "Agréée pour les diagnostics réglementaires.", "Plus de vingt ans d'expérience auprès des collectivités et des entreprises."]);

    public static readonly Profile International = new(
        [("46.69B", "Négoce industriel"), ("52.29B", "Transit international"), ("49.41A", "Transports"), ("74.30Z", "Traductions"),
         ("70.22Z", "Conseil export"), ("10.39B", "Pruneaux d'Agen"), ("28.30Z", "Agriéquipement"), ("11.01Z", "Armagnacs")],
        ["prospection à l'export", "transport international", "transport routier", "traduction technique", "douane et formalités export",
         "veille commerciale à l'étranger"],
        ["conditionnement alimentaire", "site de vente en ligne", "vidéo de présentation", "financement de l'innovation", "traduction technique"],
        ["Réalise plus de la moitié de son chiffre d'affaires à l'export.", "Présent sur les salons SIAL, SIRHA et MIDEST.",
         "Réseau d'agents en Europe centrale et au Maghreb.", "Accompagne les PME dans leur premier marché étranger."]);

    public static readonly Profile WaterIndustry = new(
        [("36.00Z", "Eaux"), ("37.00Z", "Épuration"), ("20.15Z", "Engrais"), ("20.20Z", "Agrochimie"), ("17.12Z", "Papeterie"),
         ("21.20Z", "Laboratoires pharmaceutiques"), ("20.14Z", "Chimie"), ("10.39A", "Conserverie industrielle"), ("35.11Z", "Hydroélectricité"),
         ("42.21Z", "Réseaux hydrauliques"), ("17.21A", "Cartonnerie"), ("10.41A", "Huilerie")],
        ["traitement de l'eau", "réseaux d'eau", "irrigation", "analyse de l'eau", "réutilisation des eaux usées", "hydroélectricité", "procédés industriels"],
        ["traitement des effluents", "efficacité énergétique", "maintenance industrielle", "automatismes industriels", "bilan carbone", "emballages en carton"],
        ["Site industriel du bassin Adour-Garonne, grand consommateur d'eau.", "Engagé dans la réduction de ses prélèvements d'eau.",
         "Établissement classé ICPE.", "Plusieurs sites de production dans le Sud-Ouest."]);

    public static readonly Profile Digital = new(
        [("62.01Z", "Développement"), ("62.02A", "Conseil informatique"), ("63.11Z", "Hébergement"), ("58.29C", "Logiciels"),
         ("73.11Z", "Agence web"), ("26.11Z", "Électronique")],
        ["site de vente en ligne", "logiciel de gestion de production", "cybersécurité", "applications mobiles", "hébergement de données",
         "logiciel de suivi des déchets", "objets connectés", "électronique embarquée", "référencement"],
        ["prospection à l'export", "financement de l'innovation", "recrutement de développeurs", "vidéo de présentation", "locaux professionnels"],
        ["Équipe de développeurs basée en Lot-et-Garonne.", "Hébergement des données en France.", "Accompagne la transformation numérique des PME.",
         "Éditeur de solutions pour l'industrie."]);

    public static readonly Profile Creative = new(
        [("59.11A", "Productions"), ("59.11C", "Films"), ("59.12Z", "Post-production"), ("90.01Z", "Compagnie"), ("74.10Z", "Design"), ("73.11Z", "Communication")],
        ["vidéo de présentation", "film d'entreprise", "étiquetage et design d'emballage", "communication", "photographie", "motion design", "décors"],
        ["site de vente en ligne", "menuiserie sur mesure", "financement de l'innovation", "hébergement de données", "transport routier"],
        ["Tournages en Lot-et-Garonne depuis dix ans.", "Studio de création au cœur d'Agen.", "Accueille des tournages de long métrage.", "Images pour les marques du territoire."]);

    public static readonly Profile Agroresources = new(
        [("20.59Z", "Bioproduits"), ("10.41A", "Huilerie"), ("01.11Z", "Cultures"), ("72.19Z", "Recherche"), ("20.14Z", "Chimie verte")],
        ["agromatériaux", "chimie du végétal", "huiles végétales", "valorisation des coproduits agricoles", "recherche appliquée"],
        ["valorisation des déchets organiques", "analyse en laboratoire", "machines spéciales", "prospection à l'export"],
        ["Valorise les ressources agricoles du territoire.", "Partenaire de laboratoires de recherche régionaux.", "Du champ au produit biosourcé."]);

    public static readonly Profile AgriWater = new(
        [("01.61Z", "Services agricoles"), ("42.21Z", "Hydraulique"), ("28.30Z", "Irrigation"), ("71.12B", "Hydrologie"), ("36.00Z", "Eaux")],
        ["irrigation", "gestion de l'eau agricole", "retenues collinaires", "sondes d'humidité", "hydrologie"],
        ["objets connectés", "logiciel de gestion de production", "structures métalliques", "financement de l'innovation"],
        ["Aide les exploitations à économiser l'eau.", "Études et travaux hydrauliques en milieu rural.", "Adapter l'agriculture au changement climatique."]);

    public static readonly Profile EcoBuilding = new(
        [("41.20A", "Maisons"), ("43.29A", "Isolation"), ("43.22B", "Énergies"), ("71.11Z", "Architecture"), ("43.32A", "Menuiseries"), ("71.12B", "Thermique")],
        ["construction BBC", "isolation biosourcée", "pompes à chaleur", "architecture HQE", "menuiserie sur mesure", "étude thermique"],
        ["bois de construction", "photovoltaïque", "granulés de bois énergie", "vidéo de présentation", "certification environnementale"],
        ["Bâtiments basse consommation et haute qualité environnementale.", "Rénovation énergétique des logements et des locaux d'entreprise.", "Label RGE."]);

    public static readonly Profile Plants = new(
        [("01.30Z", "Pépinières"), ("20.20Z", "Biocontrôle"), ("72.11Z", "Biotech"), ("20.15Z", "Biostimulants")],
        ["biocontrôle", "semences", "biostimulants", "plants certifiés", "recherche appliquée"],
        ["analyse en laboratoire", "emballages en carton", "prospection à l'export", "serres"],
        ["Des plantes pour protéger les plantes.", "Solutions alternatives aux produits phytosanitaires.", "Sélection variétale et production de plants."]);

    public static readonly Profile AgriMachinery = new(
        [("28.30Z", "Machinisme"), ("46.61Z", "Matériel agricole"), ("33.12Z", "Atelier agricole"), ("25.62B", "Mécanique agricole")],
        ["machines agricoles", "robotique agricole", "matériel de récolte", "irrigation", "réparation de matériel agricole"],
        ["usinage de précision", "électronique embarquée", "logiciel de gestion de production", "prospection à l'export", "peinture industrielle"],
        ["Conçoit des machines pour les vergers et le maraîchage.", "Matériel de récolte de pruneaux et de noisettes.", "L'innovation au service des agriculteurs."]);

    public static readonly Profile Bakery = new(
        [("10.71C", "Boulangerie"), ("10.61A", "Moulin"), ("01.11Z", "Ferme"), ("47.24Z", "Fournil")],
        ["pain bio", "farine bio", "meunerie", "blé ancien", "circuits courts"],
        ["fours à bois", "emballages en carton", "transport routier", "site de vente en ligne", "bois de chauffage"],
        ["Blés anciens cultivés et moulus en Lot-et-Garonne.", "Pain au levain cuit au feu de bois.", "Vente directe et magasins de producteurs."]);

    public static readonly Profile[] All =
        [Agrifood, Mechanics, Wood, Environment, International, WaterIndustry, Digital, Creative, Agroresources, AgriWater, EcoBuilding, Plants, AgriMachinery, Bakery];
}
