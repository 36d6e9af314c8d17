using Microsoft.Extensions.Configuration;

namespace Platform.Abstractions.Plugins;

/// <summary>What the host tells a plugin while it registers its services.</summary>
public interface IPluginSetupContext
{
    /// <summary>The plugin's id, as declared in its manifest (for example <c>Formation</c>).</summary>
    string PluginId { get; }

    /// <summary>The folder the plugin was loaded from.</summary>
    string PluginDirectory { get; }

    /// <summary>
    /// The plugin's own configuration section, <c>Plugins:Settings:&lt;Id&gt;</c> in the host's
    /// configuration. Empty when the operator set nothing.
    /// </summary>
    IConfiguration Configuration { get; }

    /// <summary>Where and how the plugin stores its own data.</summary>
    PluginDatabase Database { get; }
}
