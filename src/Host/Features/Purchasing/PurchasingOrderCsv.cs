using System.Text;
using Platform.Abstractions.Export;

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
            csv.Append(ExcelCsv.Cell(line.Company)).Append(';')
                .Append(ExcelCsv.Cell(line.Siret ?? "")).Append(';')
                .Append(line.Quantity.ToString(PurchasingDisplay.French)).Append(';')
                .Append(ExcelCsv.Cell(queue.Unit)).Append(';')
                .Append(Money(price)).Append(';')
                .Append(Money(price * line.Quantity)).Append("\r\n");
        }

        csv.Append("Total;;").Append(total.ToString(PurchasingDisplay.French)).Append(';').Append(ExcelCsv.Cell(queue.Unit)).Append(';')
            .Append(Money(price)).Append(';').Append(Money(price * total)).Append("\r\n");
        return ExcelCsv.Encode(csv);
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("0.00##", PurchasingDisplay.French) : "";

}
