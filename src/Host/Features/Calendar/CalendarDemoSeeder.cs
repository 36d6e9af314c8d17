using Platform.Host.Web;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Features.Demo;

namespace Platform.Host.Features.Calendar;

/// <summary>
/// The agenda's demo data: the founding brief's two events (the CCI plenary assembly conference on
/// 15 June, the Clusters 47 workshop day on 2 July), dated in the coming year of the seeding clock,
/// and a season of network events generated with Bogus (fixed seed). Idempotent: events are keyed by
/// UID and only the missing ones are added.
/// </summary>
public sealed class CalendarDemoSeeder(PlatformDbContext db, TimeProvider time)
{
    public const string ConferenceUid = "demo-conference-interclustering@interclustering47.fr";
    public const string WorkshopDayUid = "demo-ateliers-clusters47@interclustering47.fr";
    public const int SeasonSize = 30;

    public const string ConferenceTitle = "Des Clusters à l'Interclustering, l'expérience de chacun au service";

    private static readonly string[] Communes =
    [
        "Agen", "Villeneuve-sur-Lot", "Marmande", "Nérac", "Fumel", "Tonneins", "Casteljaloux", "Sainte-Livrade-sur-Lot",
        "Le Passage", "Boé", "Bon-Encontre", "Miramont-de-Guyenne", "Aiguillon", "Estillac", "Damazan", "Penne-d'Agenais",
    ];

    private static readonly Dictionary<EventType, string[]> Titles = new()
    {
        [EventType.ConferenceDebate] = ["L'innovation au croisement des filières", "Export : réussir ses premiers pas à l'international", "Transition énergétique des PME industrielles", "Recruter et fidéliser dans les métiers en tension", "L'eau, ressource stratégique pour l'industrie"],
        [EventType.Meeting] = ["Petit-déjeuner des adhérents", "Rencontre acheteurs – sous-traitants", "Afterwork interclustering", "Rencontre dirigeants : partage d'expériences", "Speed-meeting inter-réseaux"],
        [EventType.CompanyVisit] = ["Visite d'une conserverie", "Visite d'une scierie et de sa chaufferie bois", "Visite d'un atelier de machinisme agricole", "Visite d'une boulangerie bio", "Visite d'un studio de post-production"],
        [EventType.Workshop] = ["Atelier achats groupés énergie", "Atelier cybersécurité pour TPE", "Atelier RSE : premiers pas", "Atelier design et éco-conception", "Atelier financement de l'innovation"],
        [EventType.TradeFair] = ["Salon de la sous-traitance du Grand Sud-Ouest", "Salon Agrimat'47", "Salon de l'habitat durable", "Forum de l'emploi industriel"],
        [EventType.Training] = ["Formation : management d'équipe", "Formation : lean management en atelier", "Formation : sécurité alimentaire HACCP", "Formation : prospection commerciale"],
        [EventType.Assembly] = ["Assemblée générale du réseau", "Réunion plénière des adhérents"],
    };

    private static readonly string[] Openings =
    [
        "Un rendez-vous ouvert aux dirigeants et à leurs collaborateurs.",
        "Un temps d'échange entre entreprises de filières différentes.",
        "Organisé avec le soutien de la CCI et du Conseil Départemental de Lot-et-Garonne.",
        "Une demi-journée pour se rencontrer et partager ses pratiques.",
    ];

    private static readonly string[] Bodies =
    [
        "Témoignages d'adhérents, retours d'expérience et questions-réponses avec des experts.",
        "Présentation de projets collaboratifs menés entre réseaux, puis échanges en petits groupes.",
        "Les participants repartent avec des contacts qualifiés et des pistes de mutualisation.",
        "Au programme : état des lieux, cas concrets d'entreprises du département et outils pratiques.",
    ];

    private static readonly string[] Closings =
    [
        "Un moment convivial clôturera la rencontre.",
        "Places limitées : inscrivez-vous rapidement.",
        "Venez avec vos questions et vos projets.",
        "Les supports seront envoyés aux participants.",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = (await db.AgendaEvents.Where(e => e.Uid.StartsWith("demo-")).Select(e => e.Uid).ToListAsync(cancellationToken)).ToHashSet();
        var networks = await db.Networks.AsNoTracking().ToListAsync(cancellationToken);
        if (networks.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ParisTime.FromUtc(now));
        var bySlug = networks.ToDictionary(n => n.Slug, n => n.Id);
        var added = new List<AgendaEvent>();

        if (!existing.Contains(ConferenceUid))
        {
            var day = Next(today, 6, 15);
            var groupements = networks.Where(n => n.Kind is NetworkKind.SectorGrouping or NetworkKind.CrossSectorGrouping or NetworkKind.ThematicGrouping or NetworkKind.Group).Select(n => n.Id);
            added.Add(Event(ConferenceUid, ConferenceTitle, EventType.ConferenceDebate, day, new TimeOnly(17, 0), new TimeOnly(19, 30),
                "Hôtel Consulaire, CCI de Lot-et-Garonne, Agen",
                "À l'occasion de l'Assemblée Plénière de la CCI de Lot-et-Garonne, en partenariat avec le Conseil Départemental de Lot-et-Garonne, "
                + "une première conférence de Xavier Roy, Directeur de France Clusters, permettra d'aborder le thème de l'interclustering. "
                + "Cette conférence est le point de départ de la démarche « interclustering47 » menée par la CCI et le Conseil Départemental.",
                "Panorama des collaborations entre Clusters\n  Formes et natures des collaborations\n  Exemples de collaborations\nFacteurs clés de succès et bonnes pratiques\nRecommandations et propositions",
                150, EventAudience.AllMembers, groupements, now));
        }

        if (!existing.Contains(WorkshopDayUid))
        {
            var day = Next(today, 7, 2);
            var clusters = networks.Where(n => n.Kind == NetworkKind.Cluster && n.Slug != "fruits-legumes-nutrition-sante").Select(n => n.Id);
            added.Add(Event(WorkshopDayUid, "Journée d'ateliers d'appui aux Clusters 47", EventType.Workshop, day, new TimeOnly(9, 0), new TimeOnly(17, 0),
                "Hôtel du Département, Agen",
                "Le Conseil Départemental de Lot-et-Garonne, en partenariat avec la CCI, invite les entreprises des Clusters 47 à une journée pour les accompagner "
                + "dans leur structuration et leur développement, animée par Yannick Ghiron, consultant (CAPITAL HIGH TECH). À l'issue des ateliers, des fiches "
                + "méthodologiques seront élaborées et diffusées aux participants ; un questionnaire permettra d'identifier les attentes des entreprises.",
                "9h Introduction en plénière\n10h Ateliers de travail « formation – action »\n12h Déjeuner et échanges informels\n14h Ateliers de travail « formation – action » (suite)",
                40, EventAudience.OrganisingNetworks, clusters, now));
        }

        var faker = new Faker("fr") { Random = new Randomizer(4747) };
        for (var i = 1; i <= SeasonSize; i++)
        {
            // Drawn even when the event exists, so the sequence stays the same whatever is missing.
            var type = faker.PickRandom(Titles.Keys.ToArray());
            var title = faker.PickRandom(Titles[type]);
            var organisers = faker.PickRandom(networks, faker.Random.Int(1, 2)).Select(n => n.Id).ToList();
            var day = today.AddDays(7 + (i * 9) + faker.Random.Int(0, 6));
            // Network events happen on working days.
            day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
            var (start, hours) = type switch
            {
                EventType.Meeting => (faker.PickRandom(new TimeOnly(8, 30), new TimeOnly(18, 30)), 2),
                EventType.TradeFair or EventType.Training => (new TimeOnly(9, 0), 8),
                EventType.CompanyVisit => (new TimeOnly(14, 0), 2),
                _ => (faker.PickRandom(new TimeOnly(9, 30), new TimeOnly(14, 0), new TimeOnly(17, 30)), 3),
            };
            var commune = faker.PickRandom(Communes);
            var capacity = faker.Random.Bool(0.7f) ? faker.PickRandom(15, 20, 25, 30, 40, 50, 60) : (int?)null;
            var audience = faker.Random.Bool(0.4f) ? EventAudience.AllMembers : EventAudience.OrganisingNetworks;
            var description = $"{faker.PickRandom(Openings)} {faker.PickRandom(Bodies)} {faker.PickRandom(Closings)}";
            var uid = $"demo-saison-{i:00}@interclustering47.fr";
            if (!existing.Contains(uid))
            {
                added.Add(Event(uid, title, type, day, start, start.AddHours(hours), commune, description, null, capacity, audience, organisers, now));
            }
        }

        db.AgendaEvents.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        await RegisterDemoMembersAsync(added, bySlug, now, cancellationToken);
    }

    /// <summary>The demo members register for the brief's events, so the seats show « 4/150 places ».</summary>
    private async Task RegisterDemoMembersAsync(List<AgendaEvent> added, Dictionary<string, int> bySlug, DateTime now, CancellationToken cancellationToken)
    {
        var emails = DemoSeeder.Members.Select(m => m.Email).ToList();
        var members = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => new { u.Email, u.Id, u.CompanyId }).ToListAsync(cancellationToken);
        void Register(string uid, int memberIndex, int seats)
        {
            var agendaEvent = added.FirstOrDefault(e => e.Uid == uid);
            var member = members.FirstOrDefault(m => m.Email == DemoSeeder.Members[memberIndex].Email);
            if (agendaEvent is not null && member is not null)
            {
                agendaEvent.Register(member.Id, member.CompanyId, seats, now);
            }
        }

        Register(ConferenceUid, 0, 3);
        Register(ConferenceUid, 2, 1);
        if (bySlug.ContainsKey("eclair"))
        {
            Register(WorkshopDayUid, 1, 2);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static AgendaEvent Event(string uid, string title, EventType type, DateOnly day, TimeOnly start, TimeOnly end, string place,
        string description, string? programme, int? capacity, EventAudience audience, IEnumerable<int> organisers, DateTime now)
    {
        var agendaEvent = new AgendaEvent
        {
            Uid = uid,
            Title = title,
            Type = type,
            StartUtc = ParisTime.ToUtc(day.ToDateTime(start)),
            EndUtc = ParisTime.ToUtc(day.ToDateTime(end)),
            Place = place,
            Description = description,
            Programme = programme,
            Capacity = capacity,
            Audience = audience,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        agendaEvent.Organisers.AddRange(organisers.Distinct().Select(id => new AgendaEventOrganiser { NetworkId = id }));
        return agendaEvent;
    }

    /// <summary>The next <paramref name="month"/>/<paramref name="day"/> strictly after today.</summary>
    public static DateOnly Next(DateOnly today, int month, int day)
    {
        var candidate = new DateOnly(today.Year, month, day);
        return candidate > today ? candidate : candidate.AddYears(1);
    }
}
