using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Plugins;
using Platform.Host.Data;

namespace Platform.Host.Plugins;

internal sealed class PluginSettingsStore(PlatformDbContext db) : IPluginSettings
{
    public Task<string?> GetAsync(string pluginId, int networkId, string key, CancellationToken cancellationToken = default) =>
        db.PluginSettings.AsNoTracking()
            .Where(s => s.PluginId == pluginId && s.NetworkId == networkId && s.Key == key)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task SetAsync(string pluginId, int networkId, string key, string? value, CancellationToken cancellationToken = default)
    {
        // One guarded statement each way: concurrent writers never leave two rows or lose the last value.
        if (value is null)
        {
            await db.PluginSettings.Where(s => s.PluginId == pluginId && s.NetworkId == networkId && s.Key == key)
                .ExecuteDeleteAsync(cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO PluginSettings (PluginId, NetworkId, Key, Value) VALUES ({pluginId}, {networkId}, {key}, {value})
            ON CONFLICT (PluginId, NetworkId, Key) DO UPDATE SET Value = excluded.Value
            """,
            cancellationToken);
    }
}
