using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Host.Features.Networks;

/// <summary>Network slugs: lowercase ASCII letters, digits and single hyphens (<c>prod-iaa</c>).</summary>
public static partial class NetworkSlug
{
    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= 80 } && Pattern().IsMatch(slug);

    /// <summary>Makes a slug from a French name: « PROD'IAA » → <c>prod-iaa</c>, « Énergie » → <c>energie</c>.</summary>
    public static string From(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return Hyphens().Replace(builder.ToString(), "-").Trim('-');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
