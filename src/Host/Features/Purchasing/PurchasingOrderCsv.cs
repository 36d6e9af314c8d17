using System.Text;

namespace Platform.Host.Features.Purchasing;

/// <summary>
/// The consolidated order for the supplier, as a CSV file Excel opens in French: UTF-8 with a BOM,
/// ';' separators, decimal commas. One line per accepted pledge, then the total.
/// </summary>
public static class PurchasingOrderCsv
{
    public sealed record Line(string Company, string? Siret, int Quantity);

    public static byte[] Write(PurchasingQueue queue, IEnumerable<Line> lines)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var rows = lines.ToList();
        var total = rows.Sum(l => (long)l.Quantity);
        var price = queue.UnitPriceFor(total);
        var csv = new StringBuilder();
        csv.Append("Entreprise;SIRET;Quantité;Unité;Prix unitaire HT (€);Total HT (€)\r\n");
        foreach (var line in rows)
        {
            csv.Append(Field(line.Company)).Append(';')
                .Append(Field(line.Siret ?? "")).Append(';')
                .Append(line.Quantity.ToString(PurchasingDisplay.French)).Append(';')
                .Append(Field(queue.Unit)).Append(';')
                .Append(Money(price)).Append(';')
                .Append(Money(price * line.Quantity)).Append("\r\n");
        }

        csv.Append("Total;;").Append(total.ToString(PurchasingDisplay.French)).Append(';').Append(Field(queue.Unit)).Append(';')
            .Append(Money(price)).Append(';').Append(Money(price * total)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00##", PurchasingDisplay.French) : "";

    // Quotes fields that need it, and defuses spreadsheet formulas (a name starting with '=').
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
