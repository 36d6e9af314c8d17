using Platform.Host.Web;
using System.Globalization;
using Platform.Abstractions.Purchasing;

namespace Platform.Host.Features.Purchasing;

/// <summary>French words and formats of the purchasing pages, notifications and export.</summary>
public static class PurchasingDisplay
{
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-FR");


    public static string StatusLabel(PurchasingQueueStatus status) => status switch
    {
        PurchasingQueueStatus.Draft => "Brouillon",
        PurchasingQueueStatus.Open => "Ouvert",
        PurchasingQueueStatus.Negotiating => "Seuil atteint, en négociation",
        PurchasingQueueStatus.Awarded => "Attribué",
        PurchasingQueueStatus.Cancelled => "Annulé",
        PurchasingQueueStatus.Failed => "Seuil non atteint",
        _ => status.ToString(),
    };

    public static string StatusBadge(PurchasingQueueStatus status) => status switch
    {
        PurchasingQueueStatus.Open => "text-bg-success",
        PurchasingQueueStatus.Negotiating => "text-bg-info",
        PurchasingQueueStatus.Awarded => "text-bg-primary",
        PurchasingQueueStatus.Draft => "text-bg-secondary",
        _ => "text-bg-light border",
    };

    public static string CategoryLabel(PurchaseCategory category) => category switch
    {
        PurchaseCategory.Energy => "Énergie",
        PurchaseCategory.Maintenance => "Maintenance",
        PurchaseCategory.Packaging => "Emballages",
        PurchaseCategory.Supplies => "Fournitures",
        PurchaseCategory.ProtectiveEquipment => "EPI",
        PurchaseCategory.Training => "Formation",
        _ => "Autre",
    };

    public static string PledgeLabel(PledgeStatus status) => status switch
    {
        PledgeStatus.Accepted => "Accepté",
        PledgeStatus.Waiting => "En liste d'attente",
        _ => "Retiré",
    };

    public static string Number(long value) => value.ToString("N0", French);

    public static string Quantity(long value, string? unit = null) => unit is null ? Number(value) : $"{Number(value)} {unit}";

    /// <summary>A price in euros with two to four decimals: <c>0,1450 €</c> becomes <c>0,145 €</c>.</summary>
    public static string Price(decimal? value) => value is { } v ? v.ToString("#,##0.00##", French) + " €" : "—";

    public static string DateTimeText(DateTime utc) => ParisTime.FromUtc(utc).ToString("dddd d MMMM yyyy 'à' HH:mm", French);

    public static string ShortDateTime(DateTime utc) => ParisTime.FromUtc(utc).ToString("dd/MM/yyyy HH:mm", French);

    /// <summary>« 3 jours 4 h », « 2 h 15 min », « moins d'une minute ».</summary>
    public static string TimeLeft(DateTime deadlineUtc, DateTime nowUtc)
    {
        var left = deadlineUtc - nowUtc;
        if (left <= TimeSpan.Zero)
        {
            return "délai écoulé";
        }

        if (left.TotalDays >= 1)
        {
            var days = (int)left.TotalDays;
            return $"{days} jour{(days > 1 ? "s" : "")} {left.Hours} h";
        }

        if (left.TotalHours >= 1)
        {
            return $"{(int)left.TotalHours} h {left.Minutes} min";
        }

        return left.TotalMinutes >= 1 ? $"{(int)left.TotalMinutes} min" : "moins d'une minute";
    }

    /// <summary>Progress towards the minimum, 0 to 100.</summary>
    public static int Percent(long accepted, int minimum) => minimum <= 0 ? 100 : (int)Math.Min(100, accepted * 100 / minimum);
}
