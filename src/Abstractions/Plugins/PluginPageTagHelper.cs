using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Platform.Abstractions.Plugins;

/// <summary>
/// Links from a plugin page to another page of the same plugin, in the same network:
/// <c>&lt;a plugin-page="/Sessions/Details" plugin-route-id="3"&gt;</c>. Unlike <c>asp-page</c>,
/// it always carries the <c>network</c> route value and the plugin's area, so the link points at
/// <c>/c/{network}/{plugin}/…</c>. Enable it in the plugin's <c>_ViewImports.cshtml</c> with
/// <c>@addTagHelper *, Platform.Abstractions</c>.
/// </summary>
[HtmlTargetElement("a", Attributes = PageAttribute)]
[HtmlTargetElement("form", Attributes = PageAttribute)]
public sealed class PluginPageTagHelper(IUrlHelperFactory urlHelperFactory) : TagHelper
{
    private const string PageAttribute = "plugin-page";

    /// <summary>The page path inside the plugin's area, for example <c>/Sessions/Index</c>.</summary>
    [HtmlAttributeName(PageAttribute)]
    public string Page { get; set; } = "/Index";

    /// <summary>Optional page handler, for forms.</summary>
    [HtmlAttributeName("plugin-page-handler")]
    public string? Handler { get; set; }

    /// <summary>Extra route values, as <c>plugin-route-&lt;name&gt;="value"</c>.</summary>
    [HtmlAttributeName("plugin-all-route-data", DictionaryAttributePrefix = "plugin-route-")]
    public IDictionary<string, string?> RouteValues { get; set; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var routeData = ViewContext.RouteData.Values;
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["area"] = routeData["area"],
            ["network"] = routeData["network"],
        };
        foreach (var (key, value) in RouteValues)
        {
            values[key] = value;
        }

        var url = urlHelperFactory.GetUrlHelper(ViewContext).Page(Page, Handler, values);
        output.Attributes.SetAttribute(output.TagName == "form" ? "action" : "href", url ?? "#");
    }
}
