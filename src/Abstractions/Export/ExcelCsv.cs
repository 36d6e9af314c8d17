using System.Text;

namespace Platform.Abstractions.Export;

/// <summary>
/// CSV files that Excel in French opens as they are: UTF-8 with a BOM, « ; » separators, CRLF. Every
/// export of the site (attendees, members, consolidated orders, plugins' reports) writes its cells
/// through here, so every file guards against formula injection the same way.
/// </summary>
public static class ExcelCsv
{
    /// <summary>
    /// One cell: quoted when it holds a separator, a quote or a line break; a leading = + - @ tab or CR
    /// is prefixed with ' so a spreadsheet never runs it as a formula (CSV injection, OWASP).
    /// </summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>The file's bytes: the UTF-8 BOM, then the text.</summary>
    public static byte[] Encode(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
