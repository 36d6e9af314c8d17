namespace Platform.Host.Plugins;

/// <summary>The <c>Plugins</c> configuration section.</summary>
public sealed class PluginOptions
{
    /// <summary>The folder holding one sub-folder per plugin, relative to the host binary unless absolute.</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>Start with every plugin off, to recover from a plugin that breaks the host.</summary>
    public bool SafeMode { get; set; }

    public string ResolvePath() => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);
}
