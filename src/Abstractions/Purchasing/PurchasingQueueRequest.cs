namespace Platform.Abstractions.Purchasing;

/// <summary>What a plugin gives to open a purchasing queue for its network.</summary>
/// <param name="OrganizerNetworkId">The organising network; it is always invited.</param>
/// <param name="Title">A French title (3 to 200 characters).</param>
/// <param name="Category">What it buys.</param>
/// <param name="Description">A French description, up to 4000 characters.</param>
/// <param name="Unit">The unit quantities are counted in (<c>MWh</c>, <c>paire</c>).</param>
/// <param name="MinimumQuantity">The total needed to go ahead (at least 1).</param>
/// <param name="Capacity">The most the supplier will serve, or <see langword="null"/>; at least the minimum.</param>
/// <param name="PriceTiers">At least one tier; quantities distinct.</param>
/// <param name="OpensAtUtc">When pledges open (UTC).</param>
/// <param name="DeadlineUtc">When pledges close (UTC), after <paramref name="OpensAtUtc"/> and in the future.</param>
/// <param name="InvitedNetworkIds">Other networks whose members may pledge.</param>
public sealed record PurchasingQueueRequest(
    int OrganizerNetworkId,
    string Title,
    PurchaseCategory Category,
    string? Description,
    string Unit,
    int MinimumQuantity,
    int? Capacity,
    IReadOnlyList<PriceTierInfo> PriceTiers,
    DateTime OpensAtUtc,
    DateTime DeadlineUtc,
    IReadOnlyList<int> InvitedNetworkIds);
