using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Directory;
using Platform.Abstractions.Networks;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Formation.Data;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Demo;

/// <summary>
/// The brief's Sud Aquitaine action, replayed in Lot-et-Garonne: carried by the Fruits et légumes /
/// nutrition santé cluster and joined by six partner networks; 120 000 € for teaching costs, about
/// 650 employees in view, 3 specifications, 12 modules, Sud Management among the training bodies.
/// Needs, sessions (held and to come, one under its minimum), trainees and meetings are generated
/// with a fixed seed around the day of seeding. Seeds nothing when a programme exists.
/// </summary>
internal sealed class FormationDemoData(
    FormationDbContext db,
    INetworkDirectory networks,
    ICompanyDirectory directory,
    SessionAgenda agenda,
    TimeProvider time) : IPluginDemoData
{
    public const string CarrierSlug = "fruits-legumes-nutrition-sante";

    public static IReadOnlyList<string> PartnerSlugs { get; } = ["prod-iaa", "promobois", "gascogne-environnement", "etic", "eclair", "inoo"];

    private static readonly (string Specification, string Description, (string Title, int Hours, int Min, int Max, string Body, int CostEuros)[] Modules)[] Catalogue =
    [
        ("TIC / Multimédia", "Outils numériques et présence en ligne des PME : stratégie web, réseaux sociaux, commerce en ligne, sécurité.",
        [
            ("Développer sa stratégie web", 14, 6, 12, "Sud Management", 2100),
            ("Animer une communauté sur les réseaux sociaux", 14, 6, 12, "Sud Management", 2100),
            ("Développer son site e-commerce", 21, 6, 10, "CCI Lot-et-Garonne Formation", 2800),
            ("Cybersécurité au quotidien", 7, 8, 14, "CCI Lot-et-Garonne Formation", 1200),
        ]),
        ("Développement durable / RSE", "Réduire l'impact des produits et des sites, engager l'entreprise dans une démarche RSE.",
        [
            ("Éco-conception produit", 21, 6, 12, "Sud Management", 3000),
            ("Bilan carbone simplifié", 14, 6, 12, "GRETA Lot-et-Garonne", 2200),
            ("Engager une démarche RSE", 14, 6, 12, "Sud Management", 2000),
            ("Réduire et valoriser ses déchets", 7, 8, 14, "GRETA Lot-et-Garonne", 1100),
        ]),
        ("Compétences transverses", "Commercial, langues et management : les compétences que toutes les filières partagent.",
        [
            ("Optimiser sa prospection commerciale", 14, 6, 12, "Sud Management", 2200),
            ("Ciblage et techniques de différenciation commerciale", 14, 6, 12, "Sud Management", 2200),
            ("Anglais professionnel", 30, 5, 10, "GRETA Lot-et-Garonne", 3200),
            ("Espagnol professionnel", 30, 5, 10, "GRETA Lot-et-Garonne", 3200),
        ]),
    ];

    private static readonly string[] FirstNames = ["Camille", "Léa", "Hugo", "Lucas", "Chloé", "Manon", "Louis", "Jules", "Inès", "Théo", "Émilie", "Nicolas", "Sandrine", "Mathieu", "Aurélie", "Pierre", "Céline", "Romain", "Élodie", "Julien"];

    private static readonly string[] LastNames = ["Garcia", "Lafon", "Dupuy", "Bergès", "Castaing", "Lacoste", "Dubroca", "Fauré", "Sarrazin", "Labat", "Dulong", "Pujol", "Ducos", "Béziat", "Laborde", "Tachon", "Cazeaux", "Despax"];

    private static readonly string[] Places = ["Agropole, Estillac", "CCI de Lot-et-Garonne, Agen", "Technopole Agen-Garonne, Sainte-Colombe-en-Bruilhois", "Maison de l'entreprise, Villeneuve-sur-Lot", "Pôle d'activités, Marmande"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Programmes.AnyAsync(cancellationToken))
        {
            return;
        }

        var carrier = await networks.FindBySlugAsync(CarrierSlug, cancellationToken);
        if (carrier is null)
        {
            return;
        }

        var partners = new List<NetworkInfo>();
        foreach (var slug in PartnerSlugs)
        {
            if (await networks.FindBySlugAsync(slug, cancellationToken) is { } partner)
            {
                partners.Add(partner);
            }
        }

        var random = new Random(47);
        var now = time.GetUtcNow().UtcDateTime;
        var programme = new Programme
        {
            CarrierNetworkId = carrier.Id,
            Title = "ADEC inter-clusters de Lot-et-Garonne",
            Description = "Action de développement de l'emploi et des compétences menée en commun par sept réseaux, à l'image de l'ADEC territorial " +
                "du Sud Aquitaine : recueil des besoins des entreprises, trois cahiers des charges, douze modules, prise en charge intégrale des frais pédagogiques.",
            BudgetCents = 120_000_00,
            TargetTrainees = 650,
            Phase = ProgrammePhase.Sessions,
            CreatedAtUtc = now.AddMonths(-8),
        };
        programme.Partners.AddRange(partners.Select(p => new ProgrammePartner { NetworkId = p.Id }));
        programme.Themes.AddRange(Catalogue.SelectMany(c => c.Modules).Select(m => new Theme { Name = m.Title }));
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);

        var modules = new List<TrainingModule>();
        foreach (var (title, description, catalogueModules) in Catalogue)
        {
            var specification = new Specification { ProgrammeId = programme.Id, Title = title, Description = description };
            db.Specifications.Add(specification);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (moduleTitle, hours, min, max, body, cost) in catalogueModules)
            {
                var theme = programme.Themes.First(t => t.Name == moduleTitle);
                theme.SpecificationId = specification.Id;
                modules.Add(new TrainingModule
                {
                    ProgrammeId = programme.Id, SpecificationId = specification.Id, ThemeId = theme.Id, Title = moduleTitle,
                    DurationHours = hours, MinParticipants = min, MaxParticipants = max, TrainingBody = body, SessionCostCents = cost * 100L,
                });
            }
        }

        db.Modules.AddRange(modules);
        await db.SaveChangesAsync(cancellationToken);

        var networkIds = programme.NetworkIds.ToList();
        var membersByNetwork = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var networkId in networkIds)
        {
            membersByNetwork[networkId] = [.. (await directory.MembersOfNetworkAsync(networkId, 1, 100, cancellationToken)).Items.Select(c => c.Id)];
        }

        SeedNeeds(programme, membersByNetwork, random, now);
        var sessions = SeedSessions(programme, modules, membersByNetwork, random, now);
        SeedMeetings(programme, now);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var session in sessions.Where(s => s.IsLive))
        {
            await agenda.PublishAsync(session, networkIds, CarrierSlug, cancellationToken);
        }
    }

    private void SeedNeeds(Programme programme, Dictionary<int, IReadOnlyList<int>> membersByNetwork, Random random, DateTime now)
    {
        var answered = new HashSet<int>();
        foreach (var (networkId, companies) in membersByNetwork)
        {
            foreach (var companyId in companies.Where(id => random.NextDouble() < 0.6 && answered.Add(id)))
            {
                var response = new NeedResponse
                {
                    ProgrammeId = programme.Id, CompanyId = companyId, NetworkId = networkId, AnsweredByUserId = "demo",
                    Employees = random.Next(1, 9), PreferredPeriod = (PreferredPeriod)random.Next(0, 5), AnsweredAtUtc = now.AddMonths(-7).AddDays(random.Next(0, 40)),
                };
                response.Themes.AddRange(programme.Themes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(t => new NeedResponseTheme { ThemeId = t.Id }));
                db.NeedResponses.Add(response);
            }
        }
    }

    private List<TrainingSession> SeedSessions(Programme programme, List<TrainingModule> modules, Dictionary<int, IReadOnlyList<int>> membersByNetwork, Random random, DateTime now)
    {
        var networkIds = membersByNetwork.Keys.ToList();
        var sessions = new List<TrainingSession>();
        // 24 held sessions over the last five months, 12 to come over the next four: about 86 000 € committed.
        for (var i = 0; i < 36; i++)
        {
            var module = modules[i % modules.Count];
            var start = now.Date.AddDays(i < 24 ? -150 + (i * 6) : 10 + ((i - 24) * 9)).AddHours(7);
            var seats = module.MaxParticipants;
            var session = new TrainingSession
            {
                ProgrammeId = programme.Id, ModuleId = module.Id, Module = module, Place = Places[i % Places.Length], Seats = seats,
                StartUtc = start, EndUtc = start.AddHours(Math.Min(module.DurationHours, 7) + 1),
                ReleaseAtUtc = start.AddDays(-14), GoNoGoAtUtc = start.AddDays(-10), CostCents = module.SessionCostCents,
            };
            var reservedEach = seats / networkIds.Count;
            session.Quotas.AddRange(networkIds.Select(id => new SessionQuota { NetworkId = id, Seats = reservedEach }));

            // The big networks fill fast, the small ones slowly: the brief's obstacle, visible in the fill rates.
            var wanted = i == 25 ? 2 : i < 24 ? random.Next(module.MinParticipants, seats + 1) : random.Next(module.MinParticipants - 2, seats - 1);
            var enrolAt = i < 24 ? start.AddDays(-20) : now.AddDays(-3);
            for (var attempt = 0; session.Enrolments.Count < wanted && attempt < 200; attempt++)
            {
                var networkId = networkIds[Math.Min(random.Next(networkIds.Count + 3), networkIds.Count - 1)];
                if (membersByNetwork[networkId].Count == 0)
                {
                    continue;
                }

                var companyId = membersByNetwork[networkId][random.Next(membersByNetwork[networkId].Count)];
                var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
                session.Enrol(companyId, networkId, name, "demo", enrolAt);
            }

            if (i < 24)
            {
                session.Status = SessionStatus.Held;
                foreach (var enrolment in session.Enrolments)
                {
                    enrolment.Attended = random.NextDouble() < 0.92;
                }
            }
            else if (i == 25)
            {
                // Under its minimum with the go/no-go date passed: the dashboard flags it.
                session.GoNoGoAtUtc = now.AddDays(-1);
            }

            sessions.Add(session);
        }

        db.Sessions.AddRange(sessions);
        return sessions;
    }

    private void SeedMeetings(Programme programme, DateTime now) =>
        db.Meetings.AddRange(
            new ProgressMeeting
            {
                ProgrammeId = programme.Id, HeldOnUtc = now.AddMonths(-8), Title = "Réunion de cadrage avec la Direccte et la Maison de l'emploi",
                Decisions = "Le Cluster Fruits et légumes porte l'action. Enveloppe de 120 000 € pour les frais pédagogiques. Recueil des besoins auprès des adhérents des sept réseaux.",
                Minutes = "Présents : les animateurs des sept réseaux, la Direccte, la Maison de l'emploi. Calendrier : besoins en deux mois, cahiers des charges ensuite.", RecordedBy = "Animation Cluster Fruits et légumes",
            },
            new ProgressMeeting
            {
                ProgrammeId = programme.Id, HeldOnUtc = now.AddMonths(-6), Title = "Choix des cahiers des charges et des organismes",
                Decisions = "Trois cahiers des charges : TIC / Multimédia, Développement durable / RSE, Compétences transverses. Douze modules. Sud Management retenu pour six modules.",
                Minutes = "Les besoins recueillis placent en tête la prospection commerciale, la stratégie web et l'éco-conception.", RecordedBy = "Animation Cluster Fruits et légumes",
            },
            new ProgressMeeting
            {
                ProgrammeId = programme.Id, HeldOnUtc = now.AddMonths(-1), Title = "Point d'étape : remplissage des sessions",
                Decisions = "Places réservées par réseau jusqu'à 14 jours avant chaque session, puis ouvertes à tous. Les sessions sous le minimum dix jours avant seront fusionnées ou reportées.",
                Minutes = "Les réseaux les plus grands remplissent plus vite : les quotas protègent les petits réseaux.", RecordedBy = "Animation Cluster Fruits et légumes",
            });
}
