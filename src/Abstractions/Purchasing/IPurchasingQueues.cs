namespace Platform.Abstractions.Purchasing;

/// <summary>
/// Joint-purchasing queues (achats groupés inter-réseaux): a plugin opens queues for its network and
/// reads the queues its network takes part in. Pledging stays with members, on the host's pages.
/// </summary>
public interface IPurchasingQueues
{
    /// <summary>The queue with this id, or <see langword="null"/> (drafts included).</summary>
    Task<PurchasingQueueInfo?> FindAsync(int queueId, CancellationToken cancellationToken = default);

    /// <summary>The open queues this network organises or is invited to, nearest deadline first.</summary>
    Task<IReadOnlyList<PurchasingQueueInfo>> ListOpenAsync(int networkId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a queue at once (no draft). Returns its id. Throws <see cref="ArgumentException"/> with a
    /// French message when the request breaks a rule (deadline in the past, no tier, capacity below the minimum…).
    /// </summary>
    Task<int> OpenAsync(PurchasingQueueRequest queue, CancellationToken cancellationToken = default);
}
