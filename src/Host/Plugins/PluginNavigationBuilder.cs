using Platform.Abstractions.Navigation;

namespace Platform.Host.Plugins;

internal sealed class PluginNavigationBuilder(string pluginId) : INavigationBuilder
{
    private readonly List<NavigationItem> _items = [];

    public IReadOnlyList<NavigationItem> Items => _items;

    public INavigationBuilder Add(string title, string page = "/Index", int order = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(page);
        _items.Add(new NavigationItem(pluginId, title, page, order));
        return this;
    }
}
