using Platform.Host.Web;
using System.Globalization;
using Platform.Abstractions.Purchasing;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary>The create/edit form of a queue. Dates are typed in Europe/Paris; prices with a comma or a point.</summary>
public sealed class QueueFormInput
{
    public const int TierRows = 5;

    public string? Title { get; set; }

    public PurchaseCategory Category { get; set; } = PurchaseCategory.Energy;

    public string? Description { get; set; }

    public string? Unit { get; set; }

    public int? MinimumQuantity { get; set; }

    public int? Capacity { get; set; }

    public DateTime? OpensAt { get; set; }

    public DateTime? Deadline { get; set; }

    public int OrganizerNetworkId { get; set; }

    public List<int> InvitedNetworkIds { get; set; } = [];

    public List<TierInput> Tiers { get; set; } = [];

    public sealed class TierInput
    {
        public int? FromQuantity { get; set; }

        public string? UnitPrice { get; set; }
    }

    public void PadTiers()
    {
        while (Tiers.Count < TierRows)
        {
            Tiers.Add(new TierInput());
        }
    }

    public static QueueFormInput From(PurchasingQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var input = new QueueFormInput
        {
            Title = queue.Title,
            Category = queue.Category,
            Description = queue.Description,
            Unit = queue.Unit,
            MinimumQuantity = queue.MinimumQuantity,
            Capacity = queue.Capacity,
            OpensAt = ParisTime.FromUtc(queue.OpensAtUtc),
            Deadline = ParisTime.FromUtc(queue.DeadlineUtc),
            OrganizerNetworkId = queue.OrganizerNetworkId,
            InvitedNetworkIds = queue.Networks.Select(n => n.NetworkId).ToList(),
            Tiers = queue.OrderedTiers.Select(t => new TierInput { FromQuantity = t.FromQuantity, UnitPrice = t.UnitPrice.ToString("0.00##", PurchasingDisplay.French) }).ToList(),
        };
        input.PadTiers();
        return input;
    }

    /// <summary>The draft, or the errors keyed by form field (<c>Input.Title</c>…).</summary>
    public (QueueDraft? Draft, List<(string Field, string Message)> Errors) ToDraft(DateTime nowUtc)
    {
        var errors = new List<(string, string)>();
        if (MinimumQuantity is null)
        {
            errors.Add(("Input.MinimumQuantity", "Indiquez la quantité minimale."));
        }

        if (OpensAt is null)
        {
            errors.Add(("Input.OpensAt", "Indiquez la date d'ouverture."));
        }

        if (Deadline is null)
        {
            errors.Add(("Input.Deadline", "Indiquez la date limite."));
        }

        // Far-off years cannot be converted from Paris time to UTC (and mean a typo).
        if (OpensAt is { Year: < 2000 or > 2100 })
        {
            errors.Add(("Input.OpensAt", "Indiquez une date d'ouverture entre 2000 et 2100."));
        }

        if (Deadline is { Year: < 2000 or > 2100 })
        {
            errors.Add(("Input.Deadline", "Indiquez une date limite entre 2000 et 2100."));
        }

        var tiers = new List<PriceTierInfo>();
        foreach (var row in Tiers.Where(t => t.FromQuantity is not null || !string.IsNullOrWhiteSpace(t.UnitPrice)))
        {
            var text = row.UnitPrice?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('.', ',') ?? "";
            if (row.FromQuantity is null || !decimal.TryParse(text, NumberStyles.Number, PurchasingDisplay.French, out var price))
            {
                errors.Add(("Input.Tiers", "Chaque palier rempli a une quantité et un prix (par exemple 500 et 0,145)."));
                break;
            }

            tiers.Add(new PriceTierInfo(row.FromQuantity.Value, price));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var draft = new QueueDraft(OrganizerNetworkId, Title ?? "", Category, Description, Unit ?? "", MinimumQuantity!.Value, Capacity, tiers,
            ParisTime.ToUtc(OpensAt!.Value), ParisTime.ToUtc(Deadline!.Value), InvitedNetworkIds);
        var fields = new Dictionary<string, string> { [nameof(QueueDraft.DeadlineUtc)] = "Input.Deadline" };
        errors.AddRange(draft.Validate(nowUtc).Select(e => (fields.GetValueOrDefault(e.Field, "Input." + e.Field), e.Message)));
        return errors.Count > 0 ? (null, errors) : (draft, errors);
    }
}
