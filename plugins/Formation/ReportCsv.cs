using System.Globalization;
using System.Text;
using Platform.Abstractions.Export;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation;

/// <summary>
/// The report to the funder as one CSV file for Excel (fr): a line per network, then a line per
/// company, then the programme's totals; amounts in euros with a decimal comma.
/// </summary>
public static class ReportCsv
{
    public static byte[] Write(Programme programme, ProgrammeReport report, Func<int, string> networkName, Func<int, string> companyName)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(networkName);
        ArgumentNullException.ThrowIfNull(companyName);
        var csv = new StringBuilder();
        Line(csv, "Niveau", "Réseau", "Entreprise", "Stagiaires", "Heures de formation", "Modules", "Dépenses (€)");
        foreach (var n in report.Networks.OrderBy(n => networkName(n.NetworkId), StringComparer.CurrentCulture))
        {
            Line(csv, "Réseau", networkName(n.NetworkId), "", Number(n.Trainees), Number(n.TrainingHours), "", Euros(n.SpentEuros));
        }

        foreach (var c in report.Companies.OrderBy(c => companyName(c.CompanyId), StringComparer.CurrentCulture))
        {
            Line(csv, "Entreprise", string.Join(", ", c.NetworkIds.Select(networkName)), companyName(c.CompanyId), Number(c.Trainees), Number(c.TrainingHours), Number(c.Modules), Euros(c.SpentEuros));
        }

        Line(csv, "Total", programme.Title, "", Number(report.Trainees), Number(report.TrainingHours), Number(report.Modules.Count(m => m.Trainees > 0)), Euros(report.SpentCents / 100m));
        return ExcelCsv.Encode(csv);
    }

    private static void Line(StringBuilder csv, params string[] cells) => csv.AppendJoin(';', cells.Select(ExcelCsv.Cell)).Append("\r\n");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Euros(decimal value) => value.ToString("0.00", FormationFormat.French);
}
