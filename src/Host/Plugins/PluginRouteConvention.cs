using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;

namespace Platform.Host.Plugins;

/// <summary>
/// Serves every page of a plugin's area under <c>c/{network}/&lt;id&gt;/…</c> and stamps its endpoints
/// with <see cref="PluginEndpointMetadata"/>, which the gate reads. The area name is the only key a
/// page route model carries, hence the rule that a plugin's id equals its area folder.
/// </summary>
internal sealed class PluginRouteConvention(PluginCatalog catalog) : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (model.AreaName is null || catalog.Find(model.AreaName) is not { IsLoaded: true } plugin)
        {
            return;
        }

        var prefix = $"c/{{network}}/{plugin.Id.ToLowerInvariant()}";
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            var rest = template.Equals(model.AreaName, StringComparison.OrdinalIgnoreCase) ? ""
                : template.StartsWith(model.AreaName + "/", StringComparison.OrdinalIgnoreCase) ? template[(model.AreaName.Length + 1)..]
                : template;
            // Keep what Razor Pages decided for the selector: an Index page's ".../Index" alias answers
            // but is never used to generate links, which then read /c/{network}/<id> rather than …/index.
            selector.AttributeRouteModel = new AttributeRouteModel
            {
                Template = AttributeRouteModel.CombineTemplates(prefix, rest),
                SuppressLinkGeneration = selector.AttributeRouteModel?.SuppressLinkGeneration ?? false,
                SuppressPathMatching = selector.AttributeRouteModel?.SuppressPathMatching ?? false,
            };
            selector.EndpointMetadata.Add(new PluginEndpointMetadata(plugin.Id));
        }
    }
}
