using Platform.Abstractions.Plugins;

namespace Platform.Plugins.StrayPage;

public sealed class StrayPagePlugin : IPlugin;
