namespace Platform.Abstractions.Plugins;

/// <summary>
/// The version of the plugin contract this assembly defines. A plugin declares in its manifest the
/// range of contract versions it supports; the host refuses to load a plugin whose range does not
/// contain <see cref="Current"/>.
/// </summary>
public static class PluginContract
{
    /// <summary>The contract version implemented by this build of <c>Platform.Abstractions</c>.</summary>
    public static Version Current { get; } = new(1, 1);

    /// <summary>The name of the manifest file that must sit next to a plugin's assembly.</summary>
    public const string ManifestFileName = "plugin.json";
}
