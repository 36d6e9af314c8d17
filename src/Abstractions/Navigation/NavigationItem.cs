namespace Platform.Abstractions.Navigation;

/// <summary>One entry a plugin added to a network's navigation.</summary>
/// <param name="PluginId">The plugin that added it.</param>
/// <param name="Title">The label shown.</param>
/// <param name="Page">The page path inside the plugin's area.</param>
/// <param name="Order">The sort key.</param>
public sealed record NavigationItem(string PluginId, string Title, string Page, int Order);
