using Platform.Testing;

namespace Platform.Host.Tests.Support;

/// <summary>
/// The real host, on a temporary SQLite file, in demo mode, loading real plugin assemblies from a
/// folder on disk (by default every fixture plugin). One instance per test class or collection.
/// The implementation is the plugin test harness's (<see cref="PlatformTestHost"/>).
/// </summary>
public class PlatformFactory(string pluginPath, string? databasePath = null, bool safeMode = false)
    : PlatformTestHost(pluginPath, databasePath, safeMode);
