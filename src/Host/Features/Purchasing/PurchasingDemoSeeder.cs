using Platform.Host.Web;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Purchasing;

/// <summary>
/// Demo queues opened by different networks (énergie, EPI, emballages, maintenance, fournitures, a
/// draft), with pledges from the demo companies of the invited networks. Quantities come from a
/// fixed seed; dates are relative to the day of seeding. Skipped when any queue exists.
/// </summary>
public sealed class PurchasingDemoSeeder(PlatformDbContext db, TimeProvider time)
{
    private sealed record DemoQueue(
        string Title, PurchaseCategory Category, string Unit, string Organizer, string[] Invited, int Minimum, int? Capacity,
        (int From, decimal Price)[] Tiers, int DeadlineInDays, (int Min, int Max) Pledge, string Description);

    private static readonly string[] PaperInvited = ["inoo", "cinema-economie-creative", "groupe-innovation"];

    private static readonly DemoQueue[] Queues =
    [
        new("Électricité verte 2027", PurchaseCategory.Energy, "MWh", "gascogne-environnement",
            ["prod-iaa", "sotra", "promobois", "etic", "groupe-innovation", "fruits-legumes-nutrition-sante", "eclair", "inoo"],
            400, null, [(0, 0.182m), (400, 0.168m), (800, 0.155m)], 24, (20, 160),
            "Fourniture d'électricité d'origine renouvelable garantie, prix fixe sur l'année 2027, pour les sites de Lot-et-Garonne. Indiquez votre consommation annuelle estimée."),
        new("EPI : gants et chaussures de sécurité", PurchaseCategory.ProtectiveEquipment, "paire", "sotra",
            ["sotra", "promobois", "prod-iaa", "eclair", "machinisme-agricole"],
            150, 250, [(0, 14.90m), (150, 12.50m), (250, 11.20m)], 10, (60, 140),
            "Gants de manutention EN 388 et chaussures de sécurité S3, tailles au choix à la commande. Le fournisseur sert au plus 250 paires à ce prix."),
        new("Cartons d'expédition recyclés", PurchaseCategory.Packaging, "carton", "prod-iaa",
            ["prod-iaa", "fruits-legumes-nutrition-sante", "pain-bio-local", "plantes-au-service-des-plantes"],
            20000, null, [(0, 0.92m), (10000, 0.81m), (20000, 0.74m)], 5, (2000, 9000),
            "Cartons double cannelure 40 × 30 × 30 cm en fibres recyclées, livrés sur palette à Agen ou Marmande."),
        new("Maintenance des extincteurs", PurchaseCategory.Maintenance, "site", "groupe-innovation",
            ["groupe-innovation", "prod-iaa", "sotra", "promobois", "gascogne-environnement", "ciel", "etic", "adebag", "eclair", "inoo"],
            15, null, [(0, 95m), (15, 78m), (30, 69m)], 40, (1, 3),
            "Vérification annuelle des extincteurs et des RIA selon la règle APSAD R4, par site équipé."),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Set<PurchasingQueue>().AnyAsync(cancellationToken))
        {
            return;
        }

        var networks = await db.Set<Network>().ToDictionaryAsync(n => n.Slug, n => n.Id, cancellationToken);
        var memberships = await db.Set<CompanyMembership>().OrderBy(m => m.CompanyId).ToListAsync(cancellationToken);
        var random = new Randomizer(4747);
        var now = time.GetUtcNow().UtcDateTime;
        var today = ParisTime.FromUtc(now).Date;

        foreach (var demo in Queues.Where(d => networks.ContainsKey(d.Organizer)))
        {
            var queue = NewQueue(demo.Title, demo.Category, demo.Unit, demo.Description, demo.Minimum, demo.Capacity, demo.Tiers, networks[demo.Organizer],
                demo.Invited.Where(networks.ContainsKey).Select(s => networks[s]), now.AddDays(-3), ParisTime.ToUtc(today.AddDays(demo.DeadlineInDays).AddHours(18)), now);
            queue.Publish(now.AddDays(-3));
            Pledge(queue, memberships, random, demo.Pledge, now.AddDays(-2));
            db.Add(queue);
        }

        if (networks.TryGetValue("etic", out var etic))
        {
            // A finished purchase, to show the award and the export.
            var paper = NewQueue("Papier et consommables de bureau", PurchaseCategory.Supplies, "ramette",
                "Ramettes A4 80 g certifiées PEFC, livrées dans chaque entreprise.", 20, null, [(0, 4.10m), (20, 3.60m), (60, 3.30m)],
                etic, PaperInvited.Where(networks.ContainsKey).Select(s => networks[s]),
                now.AddDays(-40), now.AddDays(-10), now.AddDays(-40));
            paper.Publish(now.AddDays(-40));
            Pledge(paper, memberships, random, (10, 40), now.AddDays(-30));
            paper.CloseIfDue(now.AddDays(-10));
            if (paper.Status == PurchasingQueueStatus.Negotiating)
            {
                paper.Award(3.45m, now.AddDays(-4));
            }

            db.Add(paper);
        }

        if (networks.TryGetValue("sotra", out var sotra))
        {
            db.Add(NewQueue("Formation SST inter-entreprises", PurchaseCategory.Training, "stagiaire",
                "Sessions de sauveteur secouriste du travail (2 jours) à Agen, au printemps.", 8, 12, [(0, 260m), (8, 210m)],
                sotra, networks.TryGetValue("promobois", out var promobois) ? [promobois] : [],
                now.AddDays(7), ParisTime.ToUtc(today.AddDays(45).AddHours(18)), now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static PurchasingQueue NewQueue(
        string title, PurchaseCategory category, string unit, string description, int minimum, int? capacity, (int From, decimal Price)[] tiers,
        int organizer, IEnumerable<int> invited, DateTime opensAtUtc, DateTime deadlineUtc, DateTime createdAtUtc)
    {
        var queue = new PurchasingQueue { Title = title, Unit = unit, CreatedAtUtc = createdAtUtc, Status = PurchasingQueueStatus.Draft };
        new QueueDraft(organizer, title, category, description, unit, minimum, capacity,
            tiers.Select(t => new PriceTierInfo(t.From, t.Price)).ToList(), opensAtUtc, deadlineUtc, invited.ToList()).ApplyTo(queue);
        return queue;
    }

    private static void Pledge(PurchasingQueue queue, List<CompanyMembership> memberships, Randomizer random, (int Min, int Max) range, DateTime atUtc)
    {
        var invited = queue.Networks.Select(n => n.NetworkId).ToHashSet();
        var companies = memberships.Where(m => invited.Contains(m.NetworkId)).Select(m => m.CompanyId).Distinct().Take(12).ToList();
        foreach (var (companyId, i) in companies.Select((c, i) => (c, i)))
        {
            queue.Pledge(companyId, random.Number(range.Min, range.Max), null, atUtc.AddHours(i));
        }
    }
}
