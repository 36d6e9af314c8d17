namespace Platform.Abstractions.Plugins;

/// <summary>Version 2 of the entry contract: a different shape from version 1.</summary>
public interface IPlugin
{
    string RenamedHook();
}
