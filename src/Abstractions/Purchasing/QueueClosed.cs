using Platform.Abstractions.Events;

namespace Platform.Abstractions.Purchasing;

/// <summary>A purchasing queue closed (at its deadline or early, by its organiser).</summary>
/// <param name="QueueId">The queue.</param>
/// <param name="NetworkId">The organising network.</param>
/// <param name="ThresholdReached">Whether the accepted total reached the minimum (then negotiation follows).</param>
/// <param name="AcceptedQuantity">The accepted total at closing.</param>
/// <param name="OccurredAtUtc">When it closed (UTC).</param>
public sealed record QueueClosed(int QueueId, int? NetworkId, bool ThresholdReached, long AcceptedQuantity, DateTime OccurredAtUtc) : IDomainEvent;
