using System.Globalization;
using Bogus;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies.Demo;

/// <summary>A generated demo company and the networks it belongs to.</summary>
public sealed record DemoCompany(
    string Name, string Siren, string Siret, string NafCode, string Commune, string PostalCode, int Headcount,
    string Description, string Skills, string Needs, string Website, string ContactName, string ContactEmail, string ContactPhone,
    IReadOnlyList<string> Networks, DateOnly Since);

/// <summary>
/// The directory's demo data: companies generated with Bogus (fr locale, fixed seed) so that the member
/// counts and employee sums of the industrial groupings equal the founding brief's table, with overlaps
/// between networks, NAF codes that fit each network's sector and real communes of Lot-et-Garonne.
/// Pure and deterministic: every call returns the same list.
/// </summary>
public static class DirectoryDemoData
{
    /// <summary>The brief's table: members and employees of each industrial grouping.</summary>
    public static IReadOnlyList<(string Slug, int Members, int Employees)> BriefTable { get; } =
    [
        ("prod-iaa", 38, 2300), ("sotra", 36, 1800), ("promobois", 29, 1300),
        ("gascogne-environnement", 139, 11000), ("ciel", 40, 2000), ("adebag", 114, 50000),
    ];

    private static readonly Lazy<IReadOnlyList<DemoCompany>> Generated = new(Generate);

    public static IReadOnlyList<DemoCompany> Companies => Generated.Value;

    // Companies in several of the table's networks: (networks, how many). Singles fill each network up.
    private static readonly (string[] Networks, int Count)[] SharedGroups =
    [
        (["prod-iaa", "gascogne-environnement", "ciel"], 3),
        (["prod-iaa", "gascogne-environnement"], 8),
        (["prod-iaa", "ciel"], 5),
        (["prod-iaa", "adebag"], 3),
        (["prod-iaa", "adebag", "gascogne-environnement"], 2),
        (["sotra", "promobois"], 4),
        (["sotra", "gascogne-environnement"], 6),
        (["sotra", "ciel"], 4),
        (["promobois", "gascogne-environnement"], 5),
        (["promobois", "ciel"], 3),
        (["gascogne-environnement", "adebag"], 18),
        (["gascogne-environnement", "ciel"], 4),
        (["ciel", "adebag"], 4),
    ];

    private static readonly Dictionary<string, Profile> ProfileOf = new(StringComparer.Ordinal)
    {
        ["prod-iaa"] = Profiles.Agrifood,
        ["sotra"] = Profiles.Mechanics,
        ["promobois"] = Profiles.Wood,
        ["gascogne-environnement"] = Profiles.Environment,
        ["ciel"] = Profiles.International,
        ["adebag"] = Profiles.WaterIndustry,
    };

    private static List<DemoCompany> Generate()
    {
        var faker = new Faker("fr") { Random = new Randomizer(4747) };
        var builder = new Builder(faker);

        // 1. The demo members' companies (DemoSeeder.Members) count among their networks' members.
        var members = DemoSeeder.Members.ToDictionary(m => m.Company, m => m.Networks, StringComparer.Ordinal);
        builder.Fixed("Conserverie du Pays d'Albret", "10.39A", "Nérac", 45,
            "conserverie, transformation de fruits et légumes, plats cuisinés",
            "emballages en bois, traitement des effluents, site de vente en ligne",
            "Conserverie familiale du Pays d'Albret : légumes cuisinés, confits et pruneaux, vendus en épiceries fines.",
            members["Conserverie du Pays d'Albret"]);
        builder.Fixed("Menuiserie Lavardac", "16.23Z", "Lavardac", 14,
            "menuiserie sur mesure, charpente traditionnelle, agencement intérieur",
            "site de vente en ligne, vidéo de présentation, isolation biosourcée",
            "Menuiserie et charpente bois : escaliers, fenêtres et agencements sur mesure, en peuplier et chêne locaux.",
            members["Menuiserie Lavardac"]);
        builder.Fixed("Agenais Numérique", "62.01Z", "Agen", 8,
            "site de vente en ligne, applications mobiles, référencement, logiciel de gestion de production",
            "prospection à l'export, vidéo de présentation, financement de l'innovation",
            "Agence de développement web et mobile : boutiques en ligne et applications métier pour les PME du département.",
            members["Agenais Numérique"]);

        // 2. Companies in several of the table's networks, then each network's own members.
        foreach (var (networks, count) in SharedGroups)
        {
            var already = builder.All.Count(c => networks.All(c.Networks.Contains) && c.Networks.Count(BriefTable.Select(t => t.Slug).Contains) == networks.Length);
            for (var i = already; i < count; i++)
            {
                var size = networks.Contains("adebag") ? faker.Random.Int(40, 220) : faker.Random.Int(8, 60);
                builder.Add(ProfileOf[faker.PickRandom(networks)], size, networks);
            }
        }

        foreach (var (slug, memberCount, employees) in BriefTable)
        {
            var taken = builder.All.Where(c => c.Networks.Contains(slug)).ToList();
            var count = memberCount - taken.Count;
            var remainder = employees - taken.Sum(c => c.Headcount);
            if (count <= 0 || remainder < count * 3)
            {
                throw new InvalidOperationException($"Demo plan for {slug}: {count} companies for {remainder} employees.");
            }

            var sigma = slug == "adebag" ? 1.3 : 0.9;
            var weights = Enumerable.Range(0, count).Select(_ => Math.Exp(faker.Random.Double(-1, 1) * 2 * sigma)).ToList();
            var sizes = weights.Select(w => Math.Max(3, (int)Math.Round(w / weights.Sum() * remainder))).ToList();
            var largest = sizes.IndexOf(sizes.Max());
            sizes[largest] += remainder - sizes.Sum();
            foreach (var size in sizes)
            {
                builder.Add(ProfileOf[slug], size, [slug]);
            }
        }

        // 3. The other networks: some members of the groupings, and companies of their own.
        builder.Cluster("fruits-legumes-nutrition-sante", Profiles.Agrifood, fromNetworks: ["prod-iaa"], existing: 13, added: 10);
        builder.Cluster("bois-energie-fumelois", Profiles.Wood, fromNetworks: ["promobois"], existing: 6, added: 6, communes: ["Fumel", "Montayral", "Monflanquin", "Tournon-d'Agenais", "Villeréal"]);
        builder.Cluster("etic", Profiles.Digital, fromNetworks: [], existing: 0, added: 24);
        builder.Cluster("cinema-economie-creative", Profiles.Creative, fromNetworks: ["etic"], existing: 3, added: 12);
        builder.Cluster("demain", Profiles.Agroresources, fromNetworks: ["prod-iaa", "gascogne-environnement"], existing: 5, added: 8);
        builder.Cluster("eau-adaptation-climat", Profiles.AgriWater, fromNetworks: ["adebag", "gascogne-environnement"], existing: 8, added: 6);
        builder.Cluster("eclair", Profiles.EcoBuilding, fromNetworks: ["sotra"], existing: 5, added: 10);
        builder.Cluster("inoo", Profiles.Digital, fromNetworks: ["etic"], existing: 8, added: 6);
        builder.Cluster("plantes-au-service-des-plantes", Profiles.Plants, fromNetworks: ["gascogne-environnement"], existing: 3, added: 8);
        builder.Cluster("machinisme-agricole", Profiles.AgriMachinery, fromNetworks: ["sotra"], existing: 6, added: 7);
        builder.Cluster("pain-bio-local", Profiles.Bakery, fromNetworks: ["prod-iaa"], existing: 2, added: 7);
        builder.Cluster("groupe-innovation", Profiles.Mechanics, fromNetworks: [.. BriefTable.Select(t => t.Slug), "etic", "eclair", "inoo", "cinema-economie-creative", "demain"], existing: 45, added: 4);

        return builder.Build();
    }

    /// <summary>Labels, website and animator of each demo network.</summary>
    public static (string? Labels, string? Website) NetworkDetails(string slug) => slug switch
    {
        "prod-iaa" or "sotra" or "promobois" => ("Groupement industriel de filière animé par la CCI", slug == "sotra" ? "http://www.sotra47.fr" : null),
        "gascogne-environnement" or "ciel" => ("Groupement industriel transversal animé par la CCI", null),
        "adebag" => ("Groupement industriel thématique", null),
        "etic" => ("Club d'entreprises animé par la CCI", null),
        "groupe-innovation" => ("Groupe de dirigeants de la CCI de Lot-et-Garonne", null),
        "fruits-legumes-nutrition-sante" => ("Grappe d'entreprises DATAR (2010)\nCluster 47 (2011)", null),
        "bois-energie-fumelois" or "demain" or "machinisme-agricole" => ("Cluster 47 (2011)", null),
        _ => ("Cluster 47 (2014)", null),
    };

    private sealed class Builder(Faker faker)
    {
        private readonly List<Draft> _drafts = [];
        private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _sirens = new(StringComparer.Ordinal);

        public IEnumerable<Draft> All => _drafts;

        public void Fixed(string name, string naf, string commune, int headcount, string skills, string needs, string description, IEnumerable<string> networks)
        {
            _names.Add(name);
            _drafts.Add(new Draft(name, naf, commune, headcount, skills, needs, description, [.. networks]) { Locked = true });
        }

        public void Add(Profile profile, int headcount, IEnumerable<string> networks, IReadOnlyList<string>? communes = null)
        {
            var (naf, stem) = faker.PickRandom(profile.Activities);
            var commune = communes is null ? LotEtGaronneCommunes.All[faker.Random.Int(0, LotEtGaronneCommunes.All.Count - 1)].Name : communes[faker.Random.Int(0, communes.Count - 1)];
            string name;
            do
            {
                var last = faker.Name.LastName();
                name = faker.Random.Int(0, 9) switch
                {
                    < 5 => $"{stem} {last}",
                    < 8 => $"{stem} {faker.PickRandom(Regions)}",
                    _ => $"{last} {faker.PickRandom("et Fils", "Industries", "Frères", "SAS")}",
                };
            }
            while (!_names.Add(name));

            var skills = string.Join(", ", faker.PickRandom(profile.Skills, faker.Random.Int(2, 3)));
            var needs = string.Join(", ", faker.PickRandom(profile.Needs, 2));
            var description = $"{NafCatalog.LabelOf(naf)} à {commune}. {faker.PickRandom(profile.Pitches)}";
            _drafts.Add(new Draft(name, naf, commune, headcount, skills, needs, description, [.. networks]));
        }

        public void Cluster(string slug, Profile profile, string[] fromNetworks, int existing, int added, IReadOnlyList<string>? communes = null)
        {
            var have = _drafts.Count(d => d.Networks.Contains(slug));
            // The demo members' companies keep exactly the networks DemoSeeder gives them.
            var candidates = _drafts.Where(d => !d.Locked && !d.Networks.Contains(slug) && d.Networks.Any(fromNetworks.Contains)).ToList();
            foreach (var draft in faker.PickRandom(candidates, Math.Min(candidates.Count, Math.Max(0, existing - have))))
            {
                draft.Networks.Add(slug);
            }

            for (var i = 0; i < added; i++)
            {
                Add(slug == "groupe-innovation" ? faker.PickRandom(Profiles.All) : profile, faker.Random.Int(1, 12) * faker.Random.Int(1, 6), [slug], communes);
            }
        }

        public List<DemoCompany> Build() => _drafts.Select(d =>
        {
            string siren;
            do
            {
                var body = faker.Random.Int(3, 9).ToString(CultureInfo.InvariantCulture) + faker.Random.Replace("#######");
                siren = body + BusinessIdentifiers.CheckDigit(body);
            }
            while (!_sirens.Add(siren));

            var nic = "000" + faker.Random.Int(1, 9).ToString(CultureInfo.InvariantCulture);
            var siret = siren + nic + BusinessIdentifiers.CheckDigit(siren + nic);
            var slug = NetworkSlug.From(d.Name);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var email = $"{NetworkSlug.From(first)}.{NetworkSlug.From(last)}@{slug}.fr";
            var since = new DateOnly(faker.Random.Int(2004, 2024), faker.Random.Int(1, 12), faker.Random.Int(1, 28));
            return new DemoCompany(d.Name, siren, siret, d.NafCode, d.Commune, LotEtGaronneCommunes.PostalCodeOf(d.Commune)!, d.Headcount,
                d.Description, d.Skills, d.Needs, $"https://www.{slug}.fr", $"{first} {last}", email,
                faker.Random.Replace("05 53 ## ## ##"), d.Networks, since);
        }).ToList();
    }

    private sealed record Draft(string Name, string NafCode, string Commune, int Headcount, string Skills, string Needs, string Description, List<string> Networks)
    {
        public bool Locked { get; init; }
    }

    private static readonly string[] Regions =
    [
        "du Pays d'Albret", "du Val de Garonne", "du Villeneuvois", "du Marmandais", "du Fumélois", "du Néracais",
        "de l'Agenais", "du Confluent", "du Lot", "du Pays de Serres", "du Haut-Agenais", "du Bruilhois", "de Guyenne", "de Gascogne",
    ];
}
