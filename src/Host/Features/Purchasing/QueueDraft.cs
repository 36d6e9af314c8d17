using System.Globalization;
using Platform.Abstractions.Purchasing;

namespace Platform.Host.Features.Purchasing;

/// <summary>The content of a queue as its organiser writes it, checked before it is saved.</summary>
public sealed record QueueDraft(
    int OrganizerNetworkId,
    string Title,
    PurchaseCategory Category,
    string? Description,
    string Unit,
    int MinimumQuantity,
    int? Capacity,
    IReadOnlyList<PriceTierInfo> Tiers,
    DateTime OpensAtUtc,
    DateTime DeadlineUtc,
    IReadOnlyCollection<int> InvitedNetworkIds)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The broken rules, each with the form field it concerns (<c>Title</c>, <c>Tiers</c>…) and a French message.</summary>
    public IEnumerable<(string Field, string Message)> Validate(DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(Title) || Title.Trim().Length is < 3 or > 200)
        {
            yield return (nameof(Title), "L'intitulé doit faire entre 3 et 200 caractères.");
        }

        if (!Enum.IsDefined(Category))
        {
            yield return (nameof(Category), "Choisissez une catégorie.");
        }

        if (Description?.Length > 4000)
        {
            yield return (nameof(Description), "La description est limitée à 4 000 caractères.");
        }

        if (string.IsNullOrWhiteSpace(Unit) || Unit.Trim().Length > 30)
        {
            yield return (nameof(Unit), "Indiquez l'unité (30 caractères au plus), par exemple « MWh » ou « paire ».");
        }

        if (MinimumQuantity is < 1 or > 100_000_000)
        {
            yield return (nameof(MinimumQuantity), "Le minimum doit être compris entre 1 et 100 000 000.");
        }

        if (Capacity is { } capacity && (capacity < MinimumQuantity || capacity > 100_000_000))
        {
            yield return (nameof(Capacity), "La capacité doit être au moins égale au minimum (et au plus 100 000 000), ou rester vide.");
        }

        if (Tiers.Count == 0)
        {
            yield return (nameof(Tiers), "Indiquez au moins un palier de prix.");
        }
        else if (Tiers.Count > 10)
        {
            yield return (nameof(Tiers), "Dix paliers de prix au plus.");
        }
        else if (Tiers.Any(t => t.FromQuantity is < 0 or > 100_000_000 || t.UnitPrice is <= 0 or > 1_000_000m))
        {
            yield return (nameof(Tiers), "Chaque palier a une quantité de 0 à 100 000 000 et un prix unitaire supérieur à 0 € (au plus 1 000 000 €).");
        }
        else if (Tiers.Select(t => t.FromQuantity).Distinct().Count() != Tiers.Count)
        {
            yield return (nameof(Tiers), "Deux paliers ne peuvent pas commencer à la même quantité.");
        }

        if (DeadlineUtc <= OpensAtUtc)
        {
            yield return (nameof(DeadlineUtc), "La date limite doit suivre l'ouverture.");
        }
        else if (DeadlineUtc <= nowUtc)
        {
            yield return (nameof(DeadlineUtc), "La date limite doit être dans le futur.");
        }
        else if (DeadlineUtc > nowUtc.AddYears(3))
        {
            yield return (nameof(DeadlineUtc), string.Create(French, $"La date limite doit être dans les trois ans."));
        }
    }

    /// <summary>Copies the content onto the queue (its tiers and networks must be empty).</summary>
    public void ApplyTo(PurchasingQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        queue.Title = Title.Trim();
        queue.Category = Category;
        queue.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        queue.Unit = Unit.Trim();
        queue.MinimumQuantity = MinimumQuantity;
        queue.Capacity = Capacity;
        queue.OpensAtUtc = OpensAtUtc;
        queue.DeadlineUtc = DeadlineUtc;
        queue.OrganizerNetworkId = OrganizerNetworkId;
        foreach (var tier in Tiers.OrderBy(t => t.FromQuantity))
        {
            queue.Tiers.Add(new PriceTier { FromQuantity = tier.FromQuantity, UnitPrice = decimal.Round(tier.UnitPrice, 4) });
        }

        foreach (var networkId in InvitedNetworkIds.Append(OrganizerNetworkId).Distinct())
        {
            queue.Networks.Add(new QueueNetwork { NetworkId = networkId });
        }
    }
}
