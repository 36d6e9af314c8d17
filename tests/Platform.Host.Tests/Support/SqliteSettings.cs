using System.Runtime.CompilerServices;
using Platform.Host.Data;

namespace Platform.Host.Tests.Support;

/// <summary>
/// The library's process-wide settings, made before any test opens SQLite, as the host makes them before it
/// opens its first connection: some tests open a database of their own, and test classes run in parallel.
/// </summary>
internal static class SqliteSettings
{
    [ModuleInitializer]
    internal static void ConfigureFirst() => SqliteEngine.EnsureConfigured();
}
