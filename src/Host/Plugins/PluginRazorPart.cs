using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Platform.Host.Plugins;

/// <summary>
/// A plugin's compiled Razor items, restricted to its own area. Used instead of MVC's
/// <c>CompiledRazorAssemblyPart</c>, which would let a page outside <c>/Areas/&lt;Id&gt;/</c> answer
/// on (or be shadowed by) the host's own URLs.
/// </summary>
internal sealed class PluginRazorPart(Assembly assembly, string pluginId) : ApplicationPart, IRazorCompiledItemProvider
{
    public override string Name => $"{assembly.GetName().Name} (Razor, {pluginId})";

    public IEnumerable<RazorCompiledItem> CompiledItems { get; } =
        new RazorCompiledItemLoader().LoadItems(assembly).Where(i => IsInArea(i, pluginId)).ToList();

    public static bool IsInArea(RazorCompiledItem item, string pluginId) =>
        item.Identifier.StartsWith($"/Areas/{pluginId}/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The parts MVC needs for a plugin: its types, and its area's views and pages.</summary>
    public static IEnumerable<ApplicationPart> For(Assembly assembly, string pluginId)
    {
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            yield return part is CompiledRazorAssemblyPart ? new PluginRazorPart(assembly, pluginId) : part;
        }
    }
}
