using SQLitePCL;

namespace Platform.Host.Data;

/// <summary>Settings of the SQLite library for the whole process, made once before it opens its first connection.</summary>
public static class SqliteEngine
{
    // SQLITE_CONFIG_MEMSTATUS (sqlite3.h).
    private const int ConfigMemoryStatus = 9;

    private static readonly Lazy<bool> Configured = new(Configure);

    /// <summary>
    /// Turns off SQLite's count of the memory it allocates, which the library's build leaves on: with it,
    /// every allocation and every free of every connection takes one mutex of the process, and the
    /// connections of concurrent requests wait on each other (bench/README.md). Nothing here reads the
    /// count. False when the library was already initialised (it then keeps counting; nothing breaks).
    /// </summary>
    public static bool EnsureConfigured() => Configured.Value;

    private static bool Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(ConfigMemoryStatus, 0) == raw.SQLITE_OK;
    }
}
