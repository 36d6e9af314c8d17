using Platform.Abstractions.Plugins;

namespace Platform.Plugins.BenchGate;

/// <summary>No services, no data, no navigation: the page alone, so the gate is all that differs from the host's page.</summary>
public sealed class BenchGatePlugin : IPlugin;
