using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Host.Plugins;

/// <summary>
/// An administrator approved this version of a plugin with exactly these files: the host loads it
/// only while every file still has the SHA-256 recorded here.
/// </summary>
public sealed class PluginApproval
{
    public required string PluginId { get; set; }

    public required string Version { get; set; }

    /// <summary>Relative path → SHA-256 (hex), as JSON.</summary>
    public required string FilesJson { get; set; }

    public required string ApprovedBy { get; set; }

    public DateTime ApprovedAtUtc { get; set; }

    public IReadOnlyDictionary<string, string> Files =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(FilesJson) ?? [];
}

internal sealed class PluginApprovalConfiguration : IEntityTypeConfiguration<PluginApproval>
{
    public void Configure(EntityTypeBuilder<PluginApproval> builder)
    {
        builder.HasKey(a => a.PluginId);
        builder.Property(a => a.PluginId).HasMaxLength(50).UseCollation("NOCASE");
        builder.Property(a => a.Version).HasMaxLength(50);
        builder.Property(a => a.ApprovedBy).HasMaxLength(256);
    }
}

/// <summary>The files of a plugin folder and their SHA-256, the unit of approval.</summary>
public static class PluginFiles
{
    public static SortedDictionary<string, string> Hash(string directory)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(path);
            files[Path.GetRelativePath(directory, path).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return files;
    }

    /// <summary>What differs between the approved files and the folder, in French, or null when identical.</summary>
    public static string? Differences(IReadOnlyDictionary<string, string> approved, IReadOnlyDictionary<string, string> current)
    {
        var changed = current.Where(f => approved.TryGetValue(f.Key, out var hash) && hash != f.Value).Select(f => f.Key).ToList();
        var added = current.Keys.Where(k => !approved.ContainsKey(k)).ToList();
        var removed = approved.Keys.Where(k => !current.ContainsKey(k)).ToList();
        if (changed.Count + added.Count + removed.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        if (changed.Count > 0)
        {
            parts.Add("modifiés : " + string.Join(", ", changed));
        }

        if (added.Count > 0)
        {
            parts.Add("ajoutés : " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            parts.Add("supprimés : " + string.Join(", ", removed));
        }

        return string.Join(" ; ", parts);
    }
}

/// <summary>
/// Reads approvals at start-up, before the container exists (plugins are checked before any of
/// their code runs), with a plain SQLite connection. On a new database there are none.
/// </summary>
internal static class PluginApprovalReader
{
    public static IReadOnlyDictionary<string, PluginApproval> ReadAll(string connectionString)
    {
        var approvals = new Dictionary<string, PluginApproval>(StringComparer.OrdinalIgnoreCase);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'PluginApprovals'";
        if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return approvals;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PluginId, Version, FilesJson, ApprovedBy, ApprovedAtUtc FROM PluginApprovals";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var approval = new PluginApproval
            {
                PluginId = reader.GetString(0),
                Version = reader.GetString(1),
                FilesJson = reader.GetString(2),
                ApprovedBy = reader.GetString(3),
                ApprovedAtUtc = reader.GetDateTime(4),
            };
            approvals[approval.PluginId] = approval;
        }

        return approvals;
    }
}

/// <summary>Records an approval of the files a plugin has on disk now. Takes effect at the next start.</summary>
public sealed class PluginApprovalService(PluginCatalog catalog, Data.DatabaseWriter writer, TimeProvider time)
{
    public async Task<bool> ApproveAsync(string pluginId, string approvedBy, CancellationToken cancellationToken = default)
    {
        if (catalog.Find(pluginId) is not { Manifest: { } manifest } plugin)
        {
            return false;
        }

        var files = JsonSerializer.Serialize(PluginFiles.Hash(plugin.Directory));
        var now = time.GetUtcNow().UtcDateTime;
        await writer.ExecuteAsync(async (db, ct) =>
        {
            var approval = await db.Set<PluginApproval>().FirstOrDefaultAsync(a => a.PluginId == plugin.Id, ct);
            if (approval is null)
            {
                db.Add(new PluginApproval { PluginId = plugin.Id, Version = manifest.Version, FilesJson = files, ApprovedBy = approvedBy, ApprovedAtUtc = now });
            }
            else
            {
                approval.Version = manifest.Version;
                approval.FilesJson = files;
                approval.ApprovedBy = approvedBy;
                approval.ApprovedAtUtc = now;
            }

            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        return true;
    }
}
