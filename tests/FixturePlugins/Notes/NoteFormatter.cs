using Platform.Abstractions.Networks;

namespace Platform.Plugins.Notes;

/// <summary>A plugin service resolved from the plugin's Autofac module, using a host service.</summary>
public sealed class NoteFormatter(ICurrentNetwork network)
{
    public string Heading() => $"Notes du réseau {network.Required.Name}";
}
