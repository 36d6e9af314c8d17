using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Platform.Abstractions.Networks;
using Platform.Host.Web;

namespace Platform.Host.Features.Networks;

/// <summary>Settings of the « Réseau » filter (configuration section <c>Networks</c>).</summary>
public sealed class NetworkFilterOptions
{
    /// <summary>Up to this many networks, the filter lists them all in the page; beyond, the browser loads them.</summary>
    public int ListedInPageAtMost { get; set; } = 40;
}

/// <summary>
/// The « Réseau » filter of the agenda and the directory search (decision 0013). A few dozen networks are
/// listed in the page. Beyond <see cref="NetworkFilterOptions.ListedInPageAtMost"/> — a national directory
/// has hundreds, and 400 networks made 43 KB of the agenda's 63 KB — the page carries « Tous les réseaux »
/// and the chosen network only, and <c>site.js</c> fills the list from <see cref="OptionsPath"/>: a
/// fragment whose URL names its version, so the browser keeps it across pages and visits until the list
/// changes. Without script, the short list still filters by the network chosen from a network's page.
/// </summary>
public sealed class NetworkFilter
{
    public const string OptionsPath = "/reseaux/options";

    private static readonly ConditionalWeakTable<IReadOnlyList<NetworkInfo>, string> Versions = [];

    private readonly IReadOnlyList<NetworkInfo> _networks;

    private NetworkFilter(IReadOnlyList<NetworkInfo> networks, NetworkInfo? selected, bool listedInPage)
    {
        _networks = networks;
        Selected = selected;
        OptionsUrl = listedInPage ? null : $"{OptionsPath}?v={VersionOf(networks)}";
    }

    /// <summary>The network filtered on, when the slug asked for is one of the list's (in any case).</summary>
    public NetworkInfo? Selected { get; }

    /// <summary>Where the browser loads the full list from; <see langword="null"/> when the page lists it.</summary>
    public string? OptionsUrl { get; }

    /// <summary>The filter over <paramref name="networks"/> (the directory's list, by name), <paramref name="selectedSlug"/> chosen.</summary>
    public static NetworkFilter For(IReadOnlyList<NetworkInfo> networks, string? selectedSlug, NetworkFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(networks);
        ArgumentNullException.ThrowIfNull(options);
        var selected = string.IsNullOrEmpty(selectedSlug)
            ? null
            : networks.FirstOrDefault(n => string.Equals(n.Slug, selectedSlug, StringComparison.OrdinalIgnoreCase));
        return new NetworkFilter(networks, selected, networks.Count <= options.ListedInPageAtMost);
    }

    /// <summary>
    /// The <c>data-options-url</c> attribute of the <c>&lt;select&gt;</c>, or nothing when the page lists every
    /// network (Razor writes a <c>data-</c> attribute even when its value is null).
    /// </summary>
    public IHtmlContent OptionsAttribute =>
        OptionsUrl is null ? HtmlString.Empty : new HtmlContentBuilder().AppendHtml(" data-options-url=\"").Append(OptionsUrl).AppendHtml("\"");

    /// <summary>The <c>&lt;option&gt;</c>s the page writes after « Tous les réseaux »: every network, or the chosen one only.</summary>
    public IHtmlContent Options =>
        OptionsUrl is null ? All(_networks, Selected?.Slug)
        : Selected is null ? HtmlString.Empty
        : new HtmlContentBuilder().AppendHtml("<option value=\"").Append(Selected.Slug).AppendHtml("\" selected>").Append(Selected.Name).AppendHtml("</option>");

    /// <summary>A short name of the list's content: it changes when a network is added, renamed or removed.</summary>
    public static string VersionOf(IReadOnlyList<NetworkInfo> networks) =>
        Versions.GetValue(networks, static list =>
        {
            var text = new StringBuilder();
            foreach (var n in list)
            {
                text.Append(n.Slug).Append('\t').Append(n.Name).Append('\n');
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
        });

    /// <summary>Every network's <c>&lt;option&gt;</c>, <paramref name="selected"/> (a slug) marked; encoded once per list.</summary>
    public static IHtmlContent All(IReadOnlyList<NetworkInfo> networks, string? selected) =>
        OptionList.For(networks, n => n.Slug, n => n.Name, selected);
}
