namespace Platform.Abstractions.Purchasing;

/// <summary>A price tier: from this total quantity on, every unit costs this price.</summary>
/// <param name="FromQuantity">The total quantity (all accepted pledges) from which the tier applies.</param>
/// <param name="UnitPrice">The unit price in euros, excluding VAT (HT).</param>
public sealed record PriceTierInfo(int FromQuantity, decimal UnitPrice);
