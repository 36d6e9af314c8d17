namespace Platform.Abstractions.Plugins;

/// <summary>
/// Per-network settings of the calling plugin, stored by the host. Keys are the plugin's own; values
/// are strings (store JSON for anything richer). The plugin is the one the current page belongs to.
/// </summary>
public interface IPluginSettings
{
    /// <summary>Reads one setting of <paramref name="pluginId"/> for a network, or <see langword="null"/> when unset.</summary>
    Task<string?> GetAsync(string pluginId, int networkId, string key, CancellationToken cancellationToken = default);

    /// <summary>Writes (or, with a <see langword="null"/> value, removes) one setting of <paramref name="pluginId"/> for a network.</summary>
    Task SetAsync(string pluginId, int networkId, string key, string? value, CancellationToken cancellationToken = default);
}
