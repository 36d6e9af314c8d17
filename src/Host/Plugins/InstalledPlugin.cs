using System.Reflection;
using Autofac.Core;
using Platform.Abstractions.Navigation;

namespace Platform.Host.Plugins;

/// <summary>One plugin folder found at start-up, and what the runtime made of it.</summary>
public sealed class InstalledPlugin
{
    public InstalledPlugin(string directory, PluginManifest? manifest, string id)
    {
        Directory = directory;
        Manifest = manifest;
        Id = id;
    }

    /// <summary>The manifest id, or the folder name when the manifest could not be read.</summary>
    public string Id { get; }

    public string Directory { get; }

    public PluginManifest? Manifest { get; }

    public PluginStatus Status { get; private set; } = PluginStatus.Loaded;

    /// <summary>Why the plugin is not loaded, in French, for the admin page.</summary>
    public string? Reason { get; private set; }

    public Assembly? Assembly { get; internal set; }

    public IModule? Module { get; internal set; }

    public IReadOnlyList<NavigationItem> Navigation { get; internal set; } = [];

    /// <summary>The DbContext types the plugin registered: the host migrates each of them.</summary>
    public IReadOnlyList<Type> DbContextTypes { get; internal set; } = [];

    public bool IsLoaded => Status == PluginStatus.Loaded;

    public string? WebRoot => System.IO.Directory.Exists(Path.Combine(Directory, "wwwroot")) ? Path.Combine(Directory, "wwwroot") : null;

    /// <summary>Marks the plugin as not serving. Called at start-up, and when its migrations fail.</summary>
    public void Fail(PluginStatus status, string reason)
    {
        Status = status;
        Reason = reason;
    }
}
