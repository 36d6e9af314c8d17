using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;

namespace Platform.Host.Features.Purchasing;

/// <summary>The plugins' view of purchasing: read queues, open one for a network.</summary>
internal sealed class PurchasingQueues(PurchasingService service, ICurrentMember member, TimeProvider time) : IPurchasingQueues
{
    public async Task<PurchasingQueueInfo?> FindAsync(int queueId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(service.Queues.Where(q => q.Id == queueId), cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<PurchasingQueueInfo>> ListOpenAsync(int networkId, CancellationToken cancellationToken = default) =>
        await ReadAsync(service.Queues
            .Where(q => q.Status == PurchasingQueueStatus.Open && q.Networks.Any(n => n.NetworkId == networkId))
            .OrderBy(q => q.DeadlineUtc), cancellationToken);

    public async Task<int> OpenAsync(PurchasingQueueRequest queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var draft = new QueueDraft(queue.OrganizerNetworkId, queue.Title ?? "", queue.Category, queue.Description, queue.Unit ?? "",
            queue.MinimumQuantity, queue.Capacity, queue.PriceTiers ?? [], queue.OpensAtUtc, queue.DeadlineUtc, queue.InvitedNetworkIds ?? []);
        var errors = draft.Validate(time.GetUtcNow().UtcDateTime).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(queue));
        }

        return await service.CreateAsync(draft, member.UserId, open: true, cancellationToken);
    }

    private async Task<List<PurchasingQueueInfo>> ReadAsync(IQueryable<PurchasingQueue> query, CancellationToken cancellationToken)
    {
        var queues = await query.AsNoTracking().Include(q => q.Tiers).Include(q => q.Networks).AsSplitQuery().ToListAsync(cancellationToken);
        var totals = await service.AcceptedTotalsAsync(queues.Select(q => q.Id).ToList(), cancellationToken);
        return queues.Select(q => new PurchasingQueueInfo(
            q.Id, q.Title, q.Category, q.Unit, q.MinimumQuantity, q.Capacity, totals.GetValueOrDefault(q.Id), q.Status,
            q.OpensAtUtc, q.DeadlineUtc, q.OrganizerNetworkId,
            q.Networks.Select(n => n.NetworkId).Order().ToList(),
            q.OrderedTiers.Select(t => new PriceTierInfo(t.FromQuantity, t.UnitPrice)).ToList(),
            q.FinalUnitPrice)).ToList();
    }
}
