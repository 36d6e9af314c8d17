using System.Diagnostics.CodeAnalysis;

namespace Platform.Host.Plugins;

/// <summary>
/// A NuGet-style version interval: <c>1.0</c> (1.0 or later), <c>[1.0,2.0)</c>, <c>[1.0,1.0]</c>,
/// <c>(,2.0)</c>. Compares major.minor only, the grain of the contract version.
/// </summary>
public sealed record VersionRange(Version? Min, bool MinInclusive, Version? Max, bool MaxInclusive)
{
    public static VersionRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"Invalid version range '{text}'.");

    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionRange? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text[0] is not ('[' or '('))
        {
            if (!Version.TryParse(text, out var min))
            {
                return false;
            }

            range = new VersionRange(min, true, null, false);
            return true;
        }

        if (text.Length < 3 || text[^1] is not (']' or ')'))
        {
            return false;
        }

        var parts = text[1..^1].Split(',');
        if (parts.Length != 2 || !TryVersion(parts[0], out var lower) || !TryVersion(parts[1], out var upper))
        {
            return false;
        }

        if (lower is null && upper is null)
        {
            return false;
        }

        range = new VersionRange(lower, text[0] == '[', upper, text[^1] == ']');
        return lower is null || upper is null || lower <= upper;
    }

    public bool Contains(Version version)
    {
        var v = new Version(version.Major, version.Minor);
        if (Min is not null && (MinInclusive ? v < Normal(Min) : v <= Normal(Min)))
        {
            return false;
        }

        return Max is null || (MaxInclusive ? v <= Normal(Max) : v < Normal(Max));
    }

    public override string ToString() =>
        Max is null && MinInclusive ? $"{Min}" : $"{(MinInclusive ? '[' : '(')}{Min},{Max}{(MaxInclusive ? ']' : ')')}";

    private static Version Normal(Version v) => new(v.Major, v.Minor);

    private static bool TryVersion(string text, out Version? version)
    {
        version = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (Version.TryParse(text, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }
}
