namespace Platform.Host.Plugins;

/// <summary>Every plugin found at start-up, loaded or not. A singleton for the life of the process.</summary>
public sealed class PluginCatalog(IReadOnlyList<InstalledPlugin> plugins, bool safeMode)
{
    public IReadOnlyList<InstalledPlugin> All { get; } = plugins;

    public bool SafeMode { get; } = safeMode;

    public IEnumerable<InstalledPlugin> Loaded => All.Where(p => p.IsLoaded);

    public InstalledPlugin? Find(string id)
    {
        // On every plugin request (the gate): a loop, not a LINQ closure.
        foreach (var plugin in All)
        {
            if (string.Equals(plugin.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return plugin;
            }
        }

        return null;
    }

    /// <summary>The loaded plugin that owns this assembly, or null for host code.</summary>
    public InstalledPlugin? FindByAssembly(System.Reflection.Assembly assembly) =>
        All.FirstOrDefault(p => p.IsLoaded && p.Assembly == assembly);
}
