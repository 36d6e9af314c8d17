using Platform.Abstractions.Calendar;
using Platform.Abstractions.Purchasing;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Companies.Demo;
using Platform.Host.Features.Purchasing;

namespace Platform.Bench.Runner.Data;

/// <summary>The generated queues: the one the members pledge on, and the ones a bench member may open.</summary>
public sealed record GeneratedQueues(int PledgeQueueId, IReadOnlyList<int> MemberQueueIds);

/// <summary>Agenda events (a year and a half around today) and purchasing queues with their tiers, pledges and history.</summary>
public static class ActivityGenerator
{
    public static List<int> InsertEvents(GeneratorContext context, int count, IReadOnlyList<(string Slug, string Name)> networks)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(networks);
        var faker = context.Faker;
        var skills = DirectoryDemoData.Companies.SelectMany(c => Company.Phrases(c.Skills)).Distinct(StringComparer.Ordinal).ToList();
        var upcoming = new List<int>();
        using var events = context.Bulk("AgendaEvents", "Id", "Uid", "Title", "Type", "StartUtc", "EndUtc", "Place", "Description", "Capacity",
            "Audience", "RegistrationClosed", "CancelledAtUtc", "Sequence", "CreatedAtUtc", "UpdatedAtUtc");
        using var organisers = context.Bulk("AgendaEventOrganisers", "EventId", "NetworkId");
        for (var id = 1; id <= count; id++)
        {
            var type = faker.PickRandom<EventType>();
            var start = context.NowUtc.Date.AddDays(faker.Random.Int(-180, 365)).AddHours(faker.Random.Int(7, 16));
            var organiser = faker.Random.Int(0, networks.Count - 1);
            var skill = faker.PickRandom(skills);
            var commune = faker.Pick(LotEtGaronneCommunes.All).Name;
            var created = start.AddDays(-faker.Random.Int(10, 60));
            events.Insert(id, $"banc-{id}@interclustering47.fr", $"{type.ToFrench()} : {skill}", (int)type, SqliteBulk.Date(start),
                SqliteBulk.Date(start.AddHours(faker.Random.Int(1, 4))), faker.Random.Bool(0.3f) ? $"CCI de Lot-et-Garonne, {commune}" : $"Salle des fêtes de {commune}",
                $"{type.ToFrench()} proposé par {networks[organiser].Name} sur le thème « {skill} ». Échanges entre adhérents, puis verre de l'amitié.",
                faker.Random.Bool() ? null : faker.Random.Int(20, 150), faker.Random.Int(0, 1), 0,
                faker.Random.Bool(0.03f) ? SqliteBulk.Date(created.AddDays(5)) : null, 0, SqliteBulk.Date(created), SqliteBulk.Date(created));
            organisers.Insert(id, organiser + 1);
            if (start > context.NowUtc)
            {
                upcoming.Add(id);
            }
        }

        return upcoming;
    }

    public static GeneratedQueues InsertQueues(GeneratorContext context, int count, int networkCount, IReadOnlyList<List<int>> membersOf)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(membersOf);
        var faker = context.Faker;
        var now = context.NowUtc;
        var memberQueues = new List<int>();
        using var writer = new QueueWriter(context);
        for (var id = 1; id <= count; id++)
        {
            var (category, title, unit, price) = faker.Pick(FrenchCatalog.Purchases);
            var organiser = faker.Random.Int(1, networkCount);
            var roll = faker.Random.Double();
            var status = roll < 0.75 ? PurchasingQueueStatus.Open : roll < 0.9 ? PurchasingQueueStatus.Negotiating : PurchasingQueueStatus.Draft;
            var minimum = faker.Random.Int(2, 40) * 10;
            var invited = new HashSet<int> { organiser, faker.Random.Int(1, networkCount) };
            // Every tenth queue invites the bench network: the queue pages a bench member can open.
            if (id % 10 == 0)
            {
                invited.Add(BenchDataGenerator.BenchNetworkId);
            }

            var members = membersOf[organiser - 1];
            var pledges = faker.PickRandom(members, Math.Min(members.Count, faker.Random.Int(0, 15))).Select(c => (c, faker.Random.Int(1, 40) * 5)).ToList();
            var accepted = pledges.Sum(p => p.Item2);
            var closed = status == PurchasingQueueStatus.Negotiating;
            if (closed && accepted < minimum)
            {
                status = PurchasingQueueStatus.Failed;
            }

            // Every pledge fits: the capacity, when there is one, is above what was pledged.
            int? capacity = faker.Random.Bool() ? null : Math.Max(minimum * faker.Random.Int(2, 5), accepted);
            writer.Write(new QueueRow(id, $"{title} {now.Year + 1}", category, unit, minimum, capacity, now.AddDays(-faker.Random.Int(30, 60)),
                closed ? now.AddDays(-faker.Random.Int(1, 29)) : now.AddDays(faker.Random.Int(5, 120)), organiser, status, price, invited, pledges));
            if (status != PurchasingQueueStatus.Draft && invited.Contains(BenchDataGenerator.BenchNetworkId))
            {
                memberQueues.Add(id);
            }
        }

        // The bench queue: open for a year, no capacity, so every pledge and amendment is accepted.
        var pledgeQueue = count + 1;
        writer.Write(new QueueRow(pledgeQueue, "Palettes Europe : commande groupée du banc d'essai", PurchaseCategory.Packaging, "palettes", 100, null,
            now.AddDays(-1), now.AddDays(365), BenchDataGenerator.BenchNetworkId, PurchasingQueueStatus.Open, 11.2m, [BenchDataGenerator.BenchNetworkId], []));
        return new GeneratedQueues(pledgeQueue, memberQueues);
    }
}

/// <summary>A queue to write, with the networks it invites and its pledges (company, quantity) in arrival order.</summary>
public sealed record QueueRow(
    int Id, string Title, PurchaseCategory Category, string Unit, int Minimum, int? Capacity, DateTime OpensUtc, DateTime DeadlineUtc,
    int OrganizerNetworkId, PurchasingQueueStatus Status, decimal Price, IReadOnlyCollection<int> Invited, IReadOnlyList<(int CompanyId, int Quantity)> Pledges);

/// <summary>Writes a queue as the host's model would leave it: tiers, invited networks, pledges and their history lines.</summary>
public sealed class QueueWriter(GeneratorContext context) : IDisposable
{
    private readonly SqliteBulk _queues = context.Bulk("PurchasingQueues", "Id", "Title", "Category", "Description", "Unit", "MinimumQuantity", "Capacity",
        "OpensAtUtc", "DeadlineUtc", "OrganizerNetworkId", "CreatedAtUtc", "Status", "ClosedAtUtc", "ClosedQuantity", "NextSequence");
    private readonly SqliteBulk _tiers = context.Bulk("PurchasingPriceTiers", "QueueId", "FromQuantity", "UnitPrice");
    private readonly SqliteBulk _networks = context.Bulk("PurchasingQueueNetworks", "QueueId", "NetworkId");
    private readonly SqliteBulk _pledges = context.Bulk("PurchasingPledges", "QueueId", "CompanyId", "Quantity", "Status", "Sequence", "CreatedAtUtc", "UpdatedAtUtc");
    private readonly SqliteBulk _history = context.Bulk("PurchasingHistory", "QueueId", "AtUtc", "Kind", "CompanyId", "Quantity", "Note");

    public void Write(QueueRow queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var closed = queue.Status is PurchasingQueueStatus.Negotiating or PurchasingQueueStatus.Failed;
        var accepted = queue.Pledges.Sum(p => (long)p.Quantity);
        _queues.Insert(queue.Id, queue.Title, (int)queue.Category,
            $"Achat groupé proposé aux adhérents : {queue.Title.ToLowerInvariant()}, livré sur les sites de Lot-et-Garonne. Prix dégressifs selon le volume total engagé.",
            queue.Unit, queue.Minimum, queue.Capacity, SqliteBulk.Date(queue.OpensUtc), SqliteBulk.Date(queue.DeadlineUtc), queue.OrganizerNetworkId,
            SqliteBulk.Date(queue.OpensUtc.AddDays(-2)), (int)queue.Status, closed ? SqliteBulk.Date(queue.DeadlineUtc) : null, closed ? accepted : null,
            queue.Pledges.Count + 1);
        foreach (var (from, discount) in (ReadOnlySpan<(int, decimal)>)[(1, 1m), (queue.Minimum, 0.92m), (queue.Minimum * 2, 0.85m)])
        {
            _tiers.Insert(queue.Id, from, decimal.Round(queue.Price * discount, 4));
        }

        foreach (var network in queue.Invited)
        {
            _networks.Insert(queue.Id, network);
        }

        if (queue.Status == PurchasingQueueStatus.Draft)
        {
            return;
        }

        _history.Insert(queue.Id, SqliteBulk.Date(queue.OpensUtc), (int)HistoryKind.StatusChanged, null, null, "publié");
        var at = queue.OpensUtc;
        for (var i = 0; i < queue.Pledges.Count; i++)
        {
            var (companyId, quantity) = queue.Pledges[i];
            at = at.AddHours(3);
            _pledges.Insert(queue.Id, companyId, quantity, (int)PledgeStatus.Accepted, i + 1, SqliteBulk.Date(at), SqliteBulk.Date(at));
            _history.Insert(queue.Id, SqliteBulk.Date(at), (int)HistoryKind.Pledged, companyId, quantity, null);
        }

        if (closed)
        {
            var note = queue.Status == PurchasingQueueStatus.Negotiating ? "clôturé, seuil atteint : négociation en cours" : "clôturé, seuil non atteint";
            _history.Insert(queue.Id, SqliteBulk.Date(queue.DeadlineUtc), (int)HistoryKind.StatusChanged, null, accepted, note);
        }
    }

    public void Dispose()
    {
        _queues.Dispose();
        _tiers.Dispose();
        _networks.Dispose();
        _pledges.Dispose();
        _history.Dispose();
    }
}
