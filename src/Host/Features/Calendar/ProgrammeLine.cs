using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Host.Features.Calendar;

/// <summary>One line of an event's programme: an optional time (<c>9h</c>, <c>9h30</c>, <c>14:00</c>) and a text.</summary>
public sealed partial record ProgrammeLine(TimeOnly? Time, string Text, bool IsSubItem)
{
    public static IReadOnlyList<ProgrammeLine> Parse(string? programme)
    {
        if (string.IsNullOrWhiteSpace(programme))
        {
            return [];
        }

        var lines = new List<ProgrammeLine>();
        foreach (var raw in programme.Split('\n'))
        {
            var isSub = raw.StartsWith("  ", StringComparison.Ordinal) || raw.StartsWith('\t');
            var line = raw.Trim().TrimStart('-', '•').Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var match = TimePrefix().Match(line);
            if (match.Success)
            {
                var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                if (hour < 24 && minute < 60)
                {
                    lines.Add(new ProgrammeLine(new TimeOnly(hour, minute), line[match.Length..].TrimStart(' ', ':', '-', '–').Trim(), isSub));
                    continue;
                }
            }

            lines.Add(new ProgrammeLine(null, line, isSub));
        }

        return lines;
    }

    public string TimeLabel => Time is { } t ? (t.Minute == 0 ? $"{t.Hour} h" : $"{t.Hour} h {t.Minute:00}") : "";

    [GeneratedRegex(@"^(?<h>\d{1,2})\s*(?:h|:)\s*(?<m>\d{2})?(?=\s|$|:|-|–)", RegexOptions.CultureInvariant)]
    private static partial Regex TimePrefix();
}
