using Platform.Abstractions.Navigation;
using Platform.Host.Plugins;
using Platform.Host.Web;

namespace Platform.Host.Features.Networks;

/// <summary>The navigation entries of a network: those of the plugins enabled for it. A singleton: every page's layout injects it.</summary>
public sealed class NetworkNavigation(EnablementSnapshots enablement)
{
    private static readonly StringComparer FrenchTitles = StringComparer.Create(ParisTime.French, true);

    /// <summary>The entries of the network's plugins, as the plugin gate found them for this request if it ran.</summary>
    public async Task<IReadOnlyList<NavigationItem>> ForAsync(int networkId, HttpContext context, CancellationToken cancellationToken = default) =>
        enablement.EnabledFor(context.Features.Get<EnablementSnapshot>() ?? await enablement.CurrentAsync(cancellationToken), networkId)
            .SelectMany(p => p.Navigation)
            .OrderBy(i => i.Order)
            .ThenBy(i => i.Title, FrenchTitles)
            .ToList();
}
