namespace Platform.Host.Plugins;

/// <summary>What became of an installed plugin at start-up.</summary>
public enum PluginStatus
{
    /// <summary>Checked, loaded and serving in the networks where it is enabled.</summary>
    Loaded = 1,

    /// <summary>Refused before running its code: manifest, contract range, types, area.</summary>
    Incompatible = 2,

    /// <summary>Its code failed: constructor, module, services, navigation or migrations.</summary>
    Faulted = 3,

    /// <summary>Not loaded because the host runs in safe mode.</summary>
    SafeMode = 4,

    /// <summary>Known from an earlier start-up, but its folder is gone.</summary>
    Missing = 5,

    /// <summary>Never approved by an administrator (approval is required): not loaded.</summary>
    AwaitingApproval = 6,

    /// <summary>Its files differ from the approved ones: not loaded until approved again.</summary>
    Modified = 7,
}

public static class PluginStatusLabels
{
    public static string ToFrench(this PluginStatus status) => status switch
    {
        PluginStatus.Loaded => "Chargé",
        PluginStatus.Incompatible => "Incompatible",
        PluginStatus.Faulted => "En défaut",
        PluginStatus.SafeMode => "Mode sans échec",
        PluginStatus.Missing => "Absent",
        PluginStatus.AwaitingApproval => "En attente d'approbation",
        PluginStatus.Modified => "Modifié depuis l'approbation",
        _ => status.ToString(),
    };
}
