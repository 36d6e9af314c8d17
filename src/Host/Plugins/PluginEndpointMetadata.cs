namespace Platform.Host.Plugins;

/// <summary>Stamped on every endpoint of a plugin page: the gate reads it.</summary>
public sealed record PluginEndpointMetadata(string PluginId);
