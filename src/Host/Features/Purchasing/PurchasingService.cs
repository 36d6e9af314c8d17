using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Events;
using Platform.Abstractions.Members;
using Platform.Abstractions.Notifications;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Companies;

namespace Platform.Host.Features.Purchasing;

/// <summary>What a pledge request came to.</summary>
/// <param name="Found">False when the queue does not exist or is not open to the member's company (answer 404).</param>
/// <param name="Replayed">The same idempotency key was already applied: nothing changed this time.</param>
/// <param name="Status">The pledge's status after the change (<see langword="null"/> after a withdrawal or a replay).</param>
/// <param name="WaitingPosition">Its place on the waiting list, when waiting.</param>
/// <param name="Unit">The queue's unit, for the confirmation message.</param>
public sealed record PledgeResult(bool Found, bool Replayed, PledgeStatus? Status, int? WaitingPosition, string Unit = "")
{
    public static PledgeResult NotFound { get; } = new(false, false, null, null);
}

/// <summary>
/// Purchasing queues for the pages, the closing job and plugins. Every read-check-write runs in one
/// <see cref="DatabaseWriter"/> transaction with the queue and its pledges (for a pledge change, the
/// company's and the waiting list, with the others' accepted total) loaded after the write lock is
/// taken, and reads the clock inside it: a pledge checked against the deadline is committed
/// before any closing that follows it, never after.
/// </summary>
public sealed class PurchasingService(
    PlatformDbContext db,
    DatabaseWriter writer,
    TimeProvider time,
    INotificationService notifications,
    IDomainEventPublisher events,
    QueuePageCache queuePages,
    ILogger<PurchasingService> logger)
{
    public IQueryable<PurchasingQueue> Queues => db.Set<PurchasingQueue>();

    /// <summary>
    /// The queues this person may see: drafts only for the organiser's animators; others for the
    /// animators of the organising or invited networks and the members of the invited networks.
    /// </summary>
    public IQueryable<PurchasingQueue> VisibleTo(ICurrentMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var queues = db.Set<PurchasingQueue>().AsNoTracking();
        if (member.IsPlatformAdmin)
        {
            return queues;
        }

        var animated = member.AnimatedNetworkIds.ToList();
        var companyId = member.CompanyId ?? -1;
        var memberships = db.Set<CompanyMembership>().Where(m => m.CompanyId == companyId).Select(m => m.NetworkId);
        return queues.Where(q => animated.Contains(q.OrganizerNetworkId)
            || (q.Status != PurchasingQueueStatus.Draft
                && q.Networks.Any(n => animated.Contains(n.NetworkId) || memberships.Contains(n.NetworkId))));
    }

    // The queue page's reads, compiled: EF would otherwise rebuild and look up each query's expression
    // tree on every view (a tenth of the page's CPU, bench/README.md). One statement per table, each a
    // plain lookup by key (EF's split query would repeat the queue's filter in a sub-select, sorted, in each
    // of its four), tagged so that SQLite compiles each once, not on every view (PreparedReads).
    private static readonly Func<PlatformDbContext, int, CancellationToken, Task<PurchasingQueue?>> QueueRow =
        EF.CompileAsyncQuery((PlatformDbContext context, int id, CancellationToken _) =>
            context.Set<PurchasingQueue>().TagWith(PreparedReads.Tag).AsNoTracking().FirstOrDefault(q => q.Id == id));

    private static readonly Func<PlatformDbContext, int, int, IAsyncEnumerable<Invitation>> InvitationsOf =
        EF.CompileAsyncQuery((PlatformDbContext context, int queueId, int companyId) =>
            context.Set<QueueNetwork>().TagWith(PreparedReads.Tag).Where(n => n.QueueId == queueId)
                .Select(n => new Invitation(n.NetworkId, context.Set<CompanyMembership>().Any(m => m.CompanyId == companyId && m.NetworkId == n.NetworkId))));

    private static readonly Func<PlatformDbContext, int, IAsyncEnumerable<PriceTier>> TiersOf =
        EF.CompileAsyncQuery((PlatformDbContext context, int queueId) =>
            context.Set<PriceTier>().TagWith(PreparedReads.Tag).AsNoTracking().Where(t => t.QueueId == queueId));

    private static readonly Func<PlatformDbContext, int, IAsyncEnumerable<Pledge>> PledgesOf =
        EF.CompileAsyncQuery((PlatformDbContext context, int queueId) =>
            context.Set<Pledge>().TagWith(PreparedReads.Tag).AsNoTracking().Where(p => p.QueueId == queueId));

    private static readonly Func<PlatformDbContext, int, bool, int, int, int, IAsyncEnumerable<HistoryLine>> HistoryLines =
        EF.CompileAsyncQuery((PlatformDbContext context, int queueId, bool all, int companyId, int skip, int take) =>
            context.Set<QueueHistoryEntry>().TagWith(PreparedReads.Tag).AsNoTracking()
                .Where(h => h.QueueId == queueId && (all || h.CompanyId == null || h.CompanyId == companyId))
                .OrderByDescending(h => h.Id)
                .Select(h => new HistoryLine(h, context.Set<Company>().Where(c => c.Id == h.CompanyId).Select(c => c.Name).FirstOrDefault()))
                .Skip(skip).Take(take));

    /// <summary>The versions the queue page's reads are kept with (<see cref="QueuePageCache"/>, decision 0020): read them first.</summary>
    public QueuePageVersions PageVersions() => queuePages.Versions();

    /// <summary>
    /// The queue with its tiers, invitations and pledges if this person may see it (<see cref="PurchasingQueue.IsVisibleTo"/>),
    /// and the invited networks their company belongs to; <see langword="null"/> otherwise. Given the
    /// <paramref name="versions"/> just read, what is read is kept with them (<see cref="QueuePageCache"/>); who
    /// may see the queue is decided on every call.
    /// </summary>
    public async Task<(PurchasingQueue Queue, IReadOnlyList<int> InvitedCompanyNetworkIds)?> FindVisibleAsync(
        int id, ICurrentMember member, QueuePageVersions? versions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var companyId = member.CompanyId ?? -1;
        var read = versions is { } kept
            ? await queuePages.QueueAsync(kept, id, companyId, () => ReadQueueAsync(id, companyId, cancellationToken))
            : await ReadQueueAsync(id, companyId, cancellationToken);
        if (read is not var (queue, companyNetworks) || !queue.IsVisibleTo(member, companyNetworks))
        {
            return null;
        }

        return (queue, companyNetworks);
    }

    // Four statements on one opening of the connection.
    private Task<(PurchasingQueue Queue, IReadOnlyList<int> CompanyNetworkIds)?> ReadQueueAsync(int id, int companyId, CancellationToken cancellationToken) =>
        db.Database.ReadAsync(() => ReadQueueOpenAsync(id, companyId, cancellationToken), cancellationToken);

    private async Task<(PurchasingQueue Queue, IReadOnlyList<int> CompanyNetworkIds)?> ReadQueueOpenAsync(int id, int companyId, CancellationToken cancellationToken)
    {
        if (await QueueRow(db, id, cancellationToken) is not { } queue)
        {
            return null;
        }

        // Only the invited networks decide (visibility, the right to pledge): the company's others need not be read.
        List<int> companyNetworks = [];
        await foreach (var invitation in InvitationsOf(db, id, companyId).WithCancellation(cancellationToken))
        {
            queue.Networks.Add(new QueueNetwork { QueueId = id, NetworkId = invitation.NetworkId });
            if (invitation.OfTheCompany)
            {
                companyNetworks.Add(invitation.NetworkId);
            }
        }

        await foreach (var tier in TiersOf(db, id).WithCancellation(cancellationToken))
        {
            queue.Tiers.Add(tier);
        }

        await foreach (var pledge in PledgesOf(db, id).WithCancellation(cancellationToken))
        {
            queue.Pledges.Add(pledge);
        }

        return (queue, companyNetworks);
    }

    /// <summary>
    /// A page of the queue's history, latest first, with the companies' names: every line when
    /// <paramref name="all"/> (the organiser), else the status changes and <paramref name="companyId"/>'s lines.
    /// Given the <paramref name="versions"/> just read, kept with them (<see cref="QueuePageCache"/>).
    /// </summary>
    public Task<IReadOnlyList<HistoryLine>> HistoryAsync(
        int queueId, bool all, int? companyId, int skip, int take, QueuePageVersions? versions = null, CancellationToken cancellationToken = default) =>
        versions is { } kept
            ? queuePages.HistoryAsync(kept, queueId, all, companyId ?? -1, skip, take, () => ReadHistoryAsync(queueId, all, companyId ?? -1, skip, take, cancellationToken))
            : ReadHistoryAsync(queueId, all, companyId ?? -1, skip, take, cancellationToken);

    private async Task<IReadOnlyList<HistoryLine>> ReadHistoryAsync(int queueId, bool all, int companyId, int skip, int take, CancellationToken cancellationToken)
    {
        var lines = new List<HistoryLine>(take);
        await foreach (var line in HistoryLines(db, queueId, all, companyId, skip, take).WithCancellation(cancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Whether the company belongs to one of the queue's invited networks.</summary>
    public static Task<bool> IsInvitedAsync(PlatformDbContext context, int queueId, int companyId, CancellationToken cancellationToken)
    {
        // The invited networks as a query of their own: a context.Set<…>() call inside the lambda would make
        // EF compile a delegate to evaluate it on every execution (a fifth of the queue page's CPU).
        var invited = context.Set<QueueNetwork>().Where(n => n.QueueId == queueId).Select(n => n.NetworkId);
        return context.Set<CompanyMembership>().AnyAsync(m => m.CompanyId == companyId && invited.Contains(m.NetworkId), cancellationToken);
    }

    /// <summary>The accepted totals of these queues.</summary>
    public async Task<Dictionary<int, long>> AcceptedTotalsAsync(IReadOnlyCollection<int> queueIds, CancellationToken cancellationToken) =>
        await db.Set<Pledge>().AsNoTracking()
            .Where(p => queueIds.Contains(p.QueueId) && p.Status == PledgeStatus.Accepted)
            .GroupBy(p => p.QueueId)
            .Select(g => new { g.Key, Total = g.Sum(p => (long)p.Quantity) })
            .ToDictionaryAsync(x => x.Key, x => x.Total, cancellationToken);

    /// <summary>The member's company pledges (or amends to) <paramref name="quantity"/>.</summary>
    public Task<PledgeResult> PledgeAsync(int queueId, ICurrentMember member, int quantity, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ChangePledgeAsync(queueId, member, idempotencyKey, (queue, companyId, now) => queue.Pledge(companyId, quantity, member.UserId, now), cancellationToken);

    /// <summary>The member's company withdraws its pledge.</summary>
    public Task<PledgeResult> WithdrawAsync(int queueId, ICurrentMember member, string idempotencyKey, CancellationToken cancellationToken = default) =>
        ChangePledgeAsync(queueId, member, idempotencyKey, (queue, companyId, now) => queue.Withdraw(companyId, member.UserId, now), cancellationToken);

    private async Task<PledgeResult> ChangePledgeAsync(
        int queueId,
        ICurrentMember member,
        string idempotencyKey,
        Func<PurchasingQueue, int, DateTime, IReadOnlyList<Pledge>> change,
        CancellationToken cancellationToken)
    {
        if (member.CompanyId is not { } companyId)
        {
            return PledgeResult.NotFound;
        }

        // Inside the write gate every statement counts (all of this process's writers queue behind it): one
        // statement for the queue, the company's invitation, the replay check and the accepted total of the
        // others; one for the pledges the rules need (PurchasingQueue.LoadedForPledgeChange); then the rows the
        // change wrote — each prepared once on the gate's connection (PledgeChangeSql).
        var (result, promoted, title) = await writer.ExecuteAsync(async (context, ct) =>
        {
            var found = await PledgeChangeSql.FindTargetAsync(context, queueId, companyId, idempotencyKey, ct);
            if (found is null || found.Queue.Status == PurchasingQueueStatus.Draft || !found.Invited)
            {
                return (PledgeResult.NotFound, (IReadOnlyList<Pledge>)[], "");
            }

            var queue = found.Queue;
            if (found.Replayed)
            {
                return (new PledgeResult(true, true, null, null, queue.Unit), [], "");
            }

            var loaded = await PledgeChangeSql.LoadPledgesAsync(context, queue, companyId, ct);
            queue.LoadedForPledgeChange(found.AcceptedOfOthers);

            var now = time.GetUtcNow().UtcDateTime;
            var moved = change(queue, companyId, now);
            await PledgeChangeSql.SaveAsync(context, queue, loaded, new PledgeRequest { QueueId = queueId, Key = idempotencyKey, CompanyId = companyId, AtUtc = now }, ct);
            var pledge = queue.PledgeOf(companyId)!;
            var status = pledge.Status == PledgeStatus.Withdrawn ? (PledgeStatus?)null : pledge.Status;
            return (new PledgeResult(true, false, status, queue.WaitingPosition(pledge), queue.Unit), moved, queue.Title);
        }, cancellationToken);

        foreach (var pledge in promoted)
        {
            await NotifyCompanyAsync(pledge.CompanyId, "Engagement accepté",
                $"Une place s'est libérée dans l'achat groupé « {title} » : votre engagement de {PurchasingDisplay.Quantity(pledge.Quantity)} est désormais accepté.",
                queueId, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Closes every open queue whose deadline has passed, one transaction each, then tells the
    /// participants. Called by <see cref="PurchasingClosingService"/>, and by tests with a fake clock.
    /// Returns how many queues it closed.
    /// </summary>
    public async Task<int> CloseDueQueuesAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<PurchasingQueue>().AsNoTracking()
            .Where(q => q.Status == PurchasingQueueStatus.Open && q.DeadlineUtc <= now)
            .Select(q => q.Id)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var id in due)
        {
            var done = await ChangeStatusAsync(id, (queue, at) => queue.CloseIfDue(at), cancellationToken);
            closed += done ? 1 : 0;
        }

        return closed;
    }

    public Task<bool> PublishAsync(int queueId, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(queueId, (queue, now) => { queue.Publish(now); return true; }, cancellationToken);

    public Task<bool> CloseEarlyAsync(int queueId, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(queueId, (queue, now) => { queue.CloseEarly(now); return true; }, cancellationToken);

    public Task<bool> AwardAsync(int queueId, decimal finalUnitPrice, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(queueId, (queue, now) => { queue.Award(finalUnitPrice, now); return true; }, cancellationToken);

    public Task<bool> CancelAsync(int queueId, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(queueId, (queue, now) => { queue.Cancel(now); return true; }, cancellationToken);

    /// <summary>Runs a status change in one transaction; when it happened, tells every participant.</summary>
    private async Task<bool> ChangeStatusAsync(int queueId, Func<PurchasingQueue, DateTime, bool> change, CancellationToken cancellationToken)
    {
        var changed = await writer.ExecuteAsync(async (context, ct) =>
        {
            var queue = await LoadForChangeAsync(context, queueId, ct);
            var now = time.GetUtcNow().UtcDateTime;
            if (queue is null || !change(queue, now))
            {
                return null;
            }

            await context.SaveChangesAsync(ct);
            return new { queue.Id, queue.Title, queue.Status, queue.OrganizerNetworkId, Accepted = queue.AcceptedQuantity, queue.FinalUnitPrice, At = now };
        }, cancellationToken);

        if (changed is null)
        {
            return false;
        }

        var body = changed.Status switch
        {
            PurchasingQueueStatus.Open => $"L'achat groupé « {changed.Title} » est ouvert aux engagements.",
            PurchasingQueueStatus.Negotiating => $"L'achat groupé « {changed.Title} » est clos : le seuil est atteint avec {PurchasingDisplay.Quantity(changed.Accepted)}. La négociation avec le fournisseur commence.",
            PurchasingQueueStatus.Failed => $"L'achat groupé « {changed.Title} » est clos sans atteindre son seuil ({PurchasingDisplay.Quantity(changed.Accepted)} engagés) : il n'aura pas lieu.",
            PurchasingQueueStatus.Awarded => $"L'achat groupé « {changed.Title} » est attribué au prix unitaire de {PurchasingDisplay.Price(changed.FinalUnitPrice)} HT.",
            PurchasingQueueStatus.Cancelled => $"L'achat groupé « {changed.Title} » est annulé par son organisateur.",
            _ => $"L'achat groupé « {changed.Title} » a changé d'état.",
        };
        await NotifyParticipantsAsync(changed.Id, changed.OrganizerNetworkId, "Achat groupé : " + PurchasingDisplay.StatusLabel(changed.Status).ToLowerInvariant(), body, cancellationToken);

        if (changed.Status is PurchasingQueueStatus.Negotiating or PurchasingQueueStatus.Failed)
        {
            await events.PublishAsync(new QueueClosed(changed.Id, changed.OrganizerNetworkId, changed.Status == PurchasingQueueStatus.Negotiating, changed.Accepted, changed.At), cancellationToken);
        }

        return true;
    }

    private static Task<PurchasingQueue?> LoadForChangeAsync(PlatformDbContext context, int queueId, CancellationToken cancellationToken) =>
        context.Set<PurchasingQueue>()
            .Include(q => q.Tiers)
            .Include(q => q.Networks)
            .Include(q => q.Pledges)
            .AsSplitQuery()
            .FirstOrDefaultAsync(q => q.Id == queueId, cancellationToken);

    /// <summary>Participants: the people of every company with a pledge (accepted or waiting), and the organiser's animators.</summary>
    private async Task NotifyParticipantsAsync(int queueId, int organizerNetworkId, string title, string body, CancellationToken cancellationToken)
    {
        var companies = db.Set<Pledge>().Where(p => p.QueueId == queueId && p.Status != PledgeStatus.Withdrawn).Select(p => p.CompanyId);
        var members = await db.Users.AsNoTracking().Where(u => u.CompanyId != null && companies.Contains(u.CompanyId.Value)).Select(u => u.Id).ToListAsync(cancellationToken);
        var animators = await db.Set<NetworkAnimator>().AsNoTracking().Where(a => a.NetworkId == organizerNetworkId).Select(a => a.UserId).ToListAsync(cancellationToken);
        foreach (var userId in members.Concat(animators).Distinct())
        {
            await NotifySafelyAsync(new Notification(userId, title, body, $"/achats/{queueId}", SendMail: true), cancellationToken);
        }
    }

    private async Task NotifyCompanyAsync(int companyId, string title, string body, int queueId, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.CompanyId == companyId).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var userId in users)
        {
            await NotifySafelyAsync(new Notification(userId, title, body, $"/achats/{queueId}", SendMail: true), cancellationToken);
        }
    }

    // The change is committed: a notification that fails is logged, never reported as a failed pledge.
    private async Task NotifySafelyAsync(Notification notification, CancellationToken cancellationToken)
    {
        try
        {
            await notifications.NotifyAsync(notification, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Purchasing notification to {UserId} failed", notification.UserId);
        }
    }

    /// <summary>Creates a queue (a draft, or open at once for plugins). Returns its id.</summary>
    public async Task<int> CreateAsync(QueueDraft draft, string? userId, bool open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var id = await writer.ExecuteAsync(async (context, ct) =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var queue = new PurchasingQueue { Title = draft.Title, Unit = draft.Unit, CreatedByUserId = userId, CreatedAtUtc = now, Status = PurchasingQueueStatus.Draft };
            draft.ApplyTo(queue);
            if (open)
            {
                queue.Publish(now);
            }

            context.Add(queue);
            await context.SaveChangesAsync(ct);
            return queue.Id;
        }, cancellationToken);
        if (open)
        {
            await NotifyParticipantsAsync(id, draft.OrganizerNetworkId, "Achat groupé ouvert", $"L'achat groupé « {draft.Title} » est ouvert aux engagements.", cancellationToken);
        }

        return id;
    }

    /// <summary>Replaces a draft's content. False when the queue is gone; refused once published.</summary>
    public Task<bool> UpdateDraftAsync(int queueId, QueueDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return writer.ExecuteAsync(async (context, ct) =>
        {
            var queue = await LoadForChangeAsync(context, queueId, ct);
            if (queue is null)
            {
                return false;
            }

            if (queue.Status != PurchasingQueueStatus.Draft)
            {
                throw new PurchasingRuleException("Seul un brouillon peut être modifié.");
            }

            queue.Title = draft.Title;
            queue.Unit = draft.Unit;
            queue.Tiers.Clear();
            queue.Networks.Clear();
            await context.SaveChangesAsync(ct);
            draft.ApplyTo(queue);
            await context.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
    }
}
