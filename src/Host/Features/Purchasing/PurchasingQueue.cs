using System.Globalization;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;

namespace Platform.Host.Features.Purchasing;

/// <summary>
/// A joint-purchasing queue (file d'achat groupé) and its rules. Every change goes through a method
/// here, called inside one write transaction with the queue, its tiers and its pledges loaded — for a
/// pledge change, only the pledges it needs (<see cref="LoadedForPledgeChange"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A purchasing queue (file d'achat groupé), the domain's word; not a collection type.")]
public sealed class PurchasingQueue
{
    /// <summary>The most a single pledge may ask: keeps sums far from overflow.</summary>
    public const int MaxQuantity = 1_000_000;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public int Id { get; set; }

    public required string Title { get; set; }

    public PurchaseCategory Category { get; set; }

    public string? Description { get; set; }

    public required string Unit { get; set; }

    public int MinimumQuantity { get; set; }

    public int? Capacity { get; set; }

    public DateTime OpensAtUtc { get; set; }

    public DateTime DeadlineUtc { get; set; }

    public int OrganizerNetworkId { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public PurchasingQueueStatus Status { get; set; }

    public DateTime? ClosedAtUtc { get; set; }

    /// <summary>The accepted total when the queue closed: the consolidated order.</summary>
    public long? ClosedQuantity { get; set; }

    public decimal? FinalUnitPrice { get; set; }

    /// <summary>The next arrival number: first come, first served.</summary>
    public long NextSequence { get; set; } = 1;

    public List<PriceTier> Tiers { get; } = [];

    public List<QueueNetwork> Networks { get; } = [];

    /// <summary>
    /// The pledges, all of them unless <see cref="AcceptedQuantityNotLoaded"/> says otherwise: a pledge
    /// change loads one company's pledge and the waiting list only (see <see cref="LoadedForPledgeChange"/>).
    /// </summary>
    public List<Pledge> Pledges { get; } = [];

    /// <summary>The accepted total of the pledges left out of <see cref="Pledges"/>; 0 when all are loaded.</summary>
    public long AcceptedQuantityNotLoaded { get; private set; }

    public List<QueueHistoryEntry> History { get; } = [];

    public bool IsClosed => Status is PurchasingQueueStatus.Negotiating or PurchasingQueueStatus.Awarded
        or PurchasingQueueStatus.Cancelled or PurchasingQueueStatus.Failed;

    public long AcceptedQuantity => AcceptedQuantityNotLoaded + Pledges.Where(p => p.Status == PledgeStatus.Accepted).Sum(p => (long)p.Quantity);

    public long WaitingQuantity => Pledges.Where(p => p.Status == PledgeStatus.Waiting).Sum(p => (long)p.Quantity);

    /// <summary>
    /// Declares <see cref="Pledges"/> loaded for a pledge change: the acting company's pledge and every
    /// waiting pledge, the other accepted pledges counting by their total. That is all the rules need:
    /// <see cref="Allocate"/> keeps the accepted pledges a prefix of the queue (first come, first served)
    /// that fits in the capacity, so every waiting pledge comes after all of them and the order among
    /// them never decides anything. A queue of a thousand pledges then loads one or a few.
    /// </summary>
    public void LoadedForPledgeChange(long acceptedQuantityOfOthers) => AcceptedQuantityNotLoaded = acceptedQuantityOfOthers;

    public bool AcceptsPledgesAt(DateTime nowUtc) =>
        Status == PurchasingQueueStatus.Open && nowUtc >= OpensAtUtc && nowUtc < DeadlineUtc;

    public IEnumerable<PriceTier> OrderedTiers => Tiers.OrderBy(t => t.FromQuantity);

    /// <summary>The tier that applies to this total, or <see langword="null"/> below the first tier.</summary>
    public PriceTier? TierFor(long total) => OrderedTiers.LastOrDefault(t => t.FromQuantity <= total);

    /// <summary>The next tier above this total, or <see langword="null"/> when the best tier is reached.</summary>
    public PriceTier? NextTierAfter(long total) => OrderedTiers.FirstOrDefault(t => t.FromQuantity > total);

    /// <summary>The unit price of the consolidated order: the negotiated one once awarded, else the tier's.</summary>
    public decimal? UnitPriceFor(long total) => FinalUnitPrice ?? TierFor(total)?.UnitPrice;

    /// <summary>
    /// Whether this person may see the queue — the rule <see cref="PurchasingService.VisibleTo"/> applies in
    /// SQL to lists — for a queue loaded with its <see cref="Networks"/>. <paramref name="companyNetworkIds"/>
    /// are the networks of the person's company (those the queue invites are enough).
    /// </summary>
    public bool IsVisibleTo(ICurrentMember member, IReadOnlyCollection<int> companyNetworkIds)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.IsPlatformAdmin
            || member.AnimatedNetworkIds.Contains(OrganizerNetworkId)
            || (Status != PurchasingQueueStatus.Draft
                && Networks.Any(n => member.AnimatedNetworkIds.Contains(n.NetworkId) || companyNetworkIds.Contains(n.NetworkId)));
    }

    public Pledge? PledgeOf(int companyId) => Pledges.FirstOrDefault(p => p.CompanyId == companyId);

    /// <summary>1 for the first waiting pledge, 2 for the next…; <see langword="null"/> when not waiting.</summary>
    public int? WaitingPosition(Pledge pledge)
    {
        if (pledge.Status != PledgeStatus.Waiting)
        {
            return null;
        }

        return Pledges.Count(p => p.Status == PledgeStatus.Waiting && p.Sequence < pledge.Sequence) + 1;
    }

    /// <summary>
    /// A company pledges <paramref name="quantity"/>, or changes its pledge to it. A new pledge (or one
    /// made again after a withdrawal) goes to the back of the queue; an amendment keeps its place, but an
    /// accepted pledge may grow only within the capacity left. Returns the pledges this moved up from the
    /// waiting list (other companies').
    /// </summary>
    public IReadOnlyList<Pledge> Pledge(int companyId, int quantity, string? userId, DateTime nowUtc)
    {
        EnsureAcceptsPledges(nowUtc);
        if (quantity is < 1 or > MaxQuantity)
        {
            throw new PurchasingRuleException(string.Create(French, $"La quantité doit être comprise entre 1 et {MaxQuantity:N0}."));
        }

        var pledge = PledgeOf(companyId);
        HistoryKind kind;
        if (pledge is null || pledge.Status == PledgeStatus.Withdrawn)
        {
            if (pledge is null)
            {
                pledge = new Pledge { CompanyId = companyId, CreatedAtUtc = nowUtc };
                Pledges.Add(pledge);
            }

            pledge.Sequence = NextSequence++;
            pledge.Status = PledgeStatus.Waiting;
            kind = HistoryKind.Pledged;
        }
        else
        {
            if (pledge.Quantity == quantity)
            {
                throw new PurchasingRuleException(string.Create(French, $"Votre engagement est déjà de {quantity:N0} {Unit}."));
            }

            var growth = quantity - pledge.Quantity;
            if (pledge.Status == PledgeStatus.Accepted && growth > 0 && Capacity is { } capacity && AcceptedQuantity + growth > capacity)
            {
                var left = Math.Max(0, capacity - AcceptedQuantity);
                throw new PurchasingRuleException(string.Create(French,
                    $"Il ne reste que {left:N0} {Unit} disponibles : votre engagement accepté peut monter au plus à {pledge.Quantity + left:N0}. Pour demander davantage, retirez-vous puis engagez-vous de nouveau (en liste d'attente)."));
            }

            kind = HistoryKind.Amended;
        }

        pledge.Quantity = quantity;
        pledge.UpdatedAtUtc = nowUtc;
        pledge.UpdatedByUserId = userId;
        var promoted = Allocate(nowUtc, pledge);
        Record(kind, nowUtc, companyId, quantity, pledge.Status == PledgeStatus.Waiting ? "en liste d'attente" : null);
        return promoted;
    }

    /// <summary>The company withdraws its pledge. Returns the pledges this moved up from the waiting list.</summary>
    public IReadOnlyList<Pledge> Withdraw(int companyId, string? userId, DateTime nowUtc)
    {
        EnsureAcceptsPledges(nowUtc);
        var pledge = PledgeOf(companyId);
        if (pledge is null || pledge.Status == PledgeStatus.Withdrawn)
        {
            throw new PurchasingRuleException("Votre entreprise n'a pas d'engagement en cours sur cet achat groupé.");
        }

        pledge.Status = PledgeStatus.Withdrawn;
        pledge.UpdatedAtUtc = nowUtc;
        pledge.UpdatedByUserId = userId;
        Record(HistoryKind.Withdrawn, nowUtc, companyId, pledge.Quantity, null);
        return Allocate(nowUtc, pledge);
    }

    public void Publish(DateTime nowUtc)
    {
        if (Status != PurchasingQueueStatus.Draft)
        {
            throw new PurchasingRuleException("Seul un brouillon peut être publié.");
        }

        if (DeadlineUtc <= nowUtc)
        {
            throw new PurchasingRuleException("La date limite est passée : modifiez-la avant de publier.");
        }

        if (Tiers.Count == 0)
        {
            throw new PurchasingRuleException("Ajoutez au moins un palier de prix avant de publier.");
        }

        Status = PurchasingQueueStatus.Open;
        Record(HistoryKind.StatusChanged, nowUtc, null, null, "publié");
    }

    /// <summary>Closes the queue if its deadline has passed. Returns whether it closed now.</summary>
    public bool CloseIfDue(DateTime nowUtc) => Status == PurchasingQueueStatus.Open && nowUtc >= DeadlineUtc && Close(nowUtc);

    /// <summary>The organiser closes the queue before its deadline.</summary>
    public void CloseEarly(DateTime nowUtc)
    {
        if (Status != PurchasingQueueStatus.Open)
        {
            throw new PurchasingRuleException("Seule une file ouverte peut être clôturée.");
        }

        if (nowUtc < DeadlineUtc)
        {
            DeadlineUtc = nowUtc;
        }

        Close(nowUtc);
    }

    public void Award(decimal finalUnitPrice, DateTime nowUtc)
    {
        if (Status != PurchasingQueueStatus.Negotiating)
        {
            throw new PurchasingRuleException("Seul un achat dont le seuil est atteint peut être attribué.");
        }

        if (finalUnitPrice is <= 0 or > 1_000_000m)
        {
            throw new PurchasingRuleException("Le prix unitaire final doit être supérieur à 0 et au plus 1 000 000 €.");
        }

        FinalUnitPrice = decimal.Round(finalUnitPrice, 4);
        Status = PurchasingQueueStatus.Awarded;
        Record(HistoryKind.StatusChanged, nowUtc, null, null, string.Create(French, $"attribué au prix unitaire de {FinalUnitPrice:0.00##} € HT"));
    }

    public void Cancel(DateTime nowUtc)
    {
        if (Status is not (PurchasingQueueStatus.Draft or PurchasingQueueStatus.Open or PurchasingQueueStatus.Negotiating))
        {
            throw new PurchasingRuleException("Cet achat groupé est déjà terminé.");
        }

        Status = PurchasingQueueStatus.Cancelled;
        ClosedAtUtc ??= nowUtc;
        ClosedQuantity ??= AcceptedQuantity;
        Record(HistoryKind.StatusChanged, nowUtc, null, null, "annulé");
    }

    private bool Close(DateTime nowUtc)
    {
        ClosedAtUtc = nowUtc;
        ClosedQuantity = AcceptedQuantity;
        Status = ClosedQuantity >= MinimumQuantity ? PurchasingQueueStatus.Negotiating : PurchasingQueueStatus.Failed;
        Record(HistoryKind.StatusChanged, nowUtc, null, ClosedQuantity, Status == PurchasingQueueStatus.Negotiating
            ? "clôturé, seuil atteint : négociation en cours"
            : "clôturé, seuil non atteint");
        return true;
    }

    private void EnsureAcceptsPledges(DateTime nowUtc)
    {
        if (AcceptsPledgesAt(nowUtc))
        {
            return;
        }

        throw new PurchasingRuleException(Status == PurchasingQueueStatus.Open && nowUtc < OpensAtUtc
            ? "Cet achat groupé n'est pas encore ouvert aux engagements."
            : "Cet achat groupé est clos : les engagements ne sont plus acceptés.");
    }

    /// <summary>
    /// First come, first served: pledges are served in arrival order while they fit in the capacity;
    /// the first one that does not fit waits, and so does everyone behind it. Returns the pledges that
    /// moved from waiting to accepted, <paramref name="acting"/> (the pledge just changed) left out.
    /// The accepted pledges not loaded count first: they are all ahead of every waiting pledge, and with
    /// <paramref name="acting"/> they fit (an accepted pledge grows only within the capacity left).
    /// </summary>
    private List<Pledge> Allocate(DateTime nowUtc, Pledge acting)
    {
        var promoted = new List<Pledge>();
        var served = AcceptedQuantityNotLoaded;
        var blocked = false;
        foreach (var pledge in Pledges.Where(p => p.Status != PledgeStatus.Withdrawn).OrderBy(p => p.Sequence))
        {
            if (!blocked && (Capacity is not { } capacity || served + pledge.Quantity <= capacity))
            {
                served += pledge.Quantity;
                if (pledge.Status == PledgeStatus.Waiting)
                {
                    pledge.Status = PledgeStatus.Accepted;
                    if (pledge != acting)
                    {
                        promoted.Add(pledge);
                    }
                }
            }
            else
            {
                blocked = true;
                pledge.Status = PledgeStatus.Waiting;
            }
        }

        foreach (var pledge in promoted)
        {
            Record(HistoryKind.Promoted, nowUtc, pledge.CompanyId, pledge.Quantity, null);
        }

        return promoted;
    }

    private void Record(HistoryKind kind, DateTime nowUtc, int? companyId, long? quantity, string? note) =>
        History.Add(new QueueHistoryEntry { Kind = kind, AtUtc = nowUtc, CompanyId = companyId, Quantity = quantity, Note = note });
}

/// <summary>A rule refused the change; the message is French and meant for the user.</summary>
public sealed class PurchasingRuleException(string message) : Exception(message);
