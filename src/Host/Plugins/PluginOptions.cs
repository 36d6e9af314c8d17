namespace Platform.Host.Plugins;

/// <summary>The <c>Plugins</c> configuration section.</summary>
public sealed class PluginOptions
{
    /// <summary>The folder holding one sub-folder per plugin, relative to the host binary unless absolute.</summary>
    public string Path { get; set; } = "plugins";

    /// <summary>Start with every plugin off, to recover from a plugin that breaks the host.</summary>
    public bool SafeMode { get; set; }

    /// <summary>
    /// Load only plugins an administrator approved, with exactly the approved files (SHA-256). On by
    /// default; off in Development, where plugins are rebuilt all the time.
    /// </summary>
    public bool RequireApproval { get; set; } = true;

    public string ResolvePath() => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);
}
