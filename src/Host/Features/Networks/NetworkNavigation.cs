using Platform.Abstractions.Navigation;
using Platform.Host.Plugins;
using Platform.Host.Web;

namespace Platform.Host.Features.Networks;

/// <summary>The navigation entries of a network: those of the plugins enabled for it.</summary>
public sealed class NetworkNavigation(PluginEnablementService enablement)
{
    private static readonly StringComparer FrenchTitles = StringComparer.Create(ParisTime.French, true);

    public async Task<IReadOnlyList<NavigationItem>> ForAsync(int networkId, CancellationToken cancellationToken = default) =>
        (await enablement.EnabledForAsync(networkId, cancellationToken))
            .SelectMany(p => p.Navigation)
            .OrderBy(i => i.Order)
            .ThenBy(i => i.Title, FrenchTitles)
            .ToList();
}
