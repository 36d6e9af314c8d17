using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Platform.Host.Web;

/// <summary>
/// The <c>&lt;option&gt;</c>s of a long list (hundreds of networks, communes), encoded once per list and
/// written as one piece. Markup with one <c>&lt;option&gt;</c> element per item costs five writes, an
/// encoding and a boxed <c>selected</c> flag per item on every request: on the agenda and the directory
/// search, more than the rest of the page (bench/README.md).
/// </summary>
/// <remarks>
/// The encoded markup is kept for as long as the list instance lives, so it is only worth it for lists
/// that are kept (<see cref="Features.Networks.NetworkDirectory"/>'s list lives a minute); a list built
/// for one request works too, at the price of encoding it once.
/// </remarks>
public static class OptionList
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(MethodInfo Value, MethodInfo Text, HtmlEncoder Encoder), Encoded>> Cache = [];

    /// <summary>
    /// One <c>&lt;option value="…"&gt;…&lt;/option&gt;</c> per item, in order; the item whose value is
    /// <paramref name="selected"/> (ordinal comparison) is marked <c>selected</c>. The encoding is kept per
    /// list, per projection method (a lambda's captures are not part of the key: a projection reads the
    /// item only) and per encoder (the page's own, as for any other text it writes).
    /// </summary>
    public static IHtmlContent For<T>(IReadOnlyList<T> items, Func<T, string> value, Func<T, string> text, string? selected)
        where T : notnull => new Options<T>(items, value, text, selected);

    private sealed class Options<T>(IReadOnlyList<T> items, Func<T, string> value, Func<T, string> text, string? selected) : IHtmlContent
        where T : notnull
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var encoded = Cache.GetValue(items, static _ => new())
                .GetOrAdd((value.Method, text.Method, encoder), _ => Encoded.Of(items, value, text, encoder));
            var index = selected is null ? -1 : encoded.IndexOf(selected);
            if (index < 0)
            {
                writer.Write(encoded.All);
                return;
            }

            for (var i = 0; i < encoded.Options.Length; i++)
            {
                // "<option " is 8 characters: the attribute goes right after the tag name.
                writer.Write(i == index ? encoded.Options[i].Insert(8, "selected ") : encoded.Options[i]);
            }
        }
    }

    private sealed class Encoded
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

        private Encoded(string[] options) => Options = options;

        public string[] Options { get; }

        public string All => field ??= string.Concat(Options);

        public static Encoded Of<T>(IReadOnlyList<T> items, Func<T, string> value, Func<T, string> text, HtmlEncoder encoder)
        {
            var encoded = new Encoded(new string[items.Count]);
            for (var i = 0; i < items.Count; i++)
            {
                var v = value(items[i]);
                encoded.Options[i] = $"<option value=\"{encoder.Encode(v)}\">{encoder.Encode(text(items[i]))}</option>";
                encoded._indexes.TryAdd(v, i);
            }

            return encoded;
        }

        public int IndexOf(string value) => _indexes.GetValueOrDefault(value, -1);
    }
}
