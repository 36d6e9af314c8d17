namespace Platform.Abstractions.Purchasing;

/// <summary>A purchasing queue (file d'achat groupé), as plugins read it.</summary>
/// <param name="Id">The host's id of the queue; its page is <c>/achats/{Id}</c>.</param>
/// <param name="Title">Its French title.</param>
/// <param name="Category">What it buys.</param>
/// <param name="Unit">The unit quantities are counted in (<c>MWh</c>, <c>paire</c>, <c>carton</c>).</param>
/// <param name="MinimumQuantity">The total quantity needed for the purchase to go ahead.</param>
/// <param name="Capacity">The most the supplier will serve, or <see langword="null"/> when unlimited.</param>
/// <param name="AcceptedQuantity">The sum of the accepted pledges (waiting pledges excluded).</param>
/// <param name="Status">Where the queue is in its life cycle.</param>
/// <param name="OpensAtUtc">When pledges open (UTC).</param>
/// <param name="DeadlineUtc">When pledges close (UTC).</param>
/// <param name="OrganizerNetworkId">The network that organises the purchase.</param>
/// <param name="InvitedNetworkIds">The networks whose member companies may pledge (the organiser included).</param>
/// <param name="PriceTiers">The price tiers, by increasing quantity.</param>
/// <param name="FinalUnitPrice">The negotiated unit price in euros HT, once awarded.</param>
public sealed record PurchasingQueueInfo(
    int Id,
    string Title,
    PurchaseCategory Category,
    string Unit,
    int MinimumQuantity,
    int? Capacity,
    long AcceptedQuantity,
    PurchasingQueueStatus Status,
    DateTime OpensAtUtc,
    DateTime DeadlineUtc,
    int OrganizerNetworkId,
    IReadOnlyList<int> InvitedNetworkIds,
    IReadOnlyList<PriceTierInfo> PriceTiers,
    decimal? FinalUnitPrice);
