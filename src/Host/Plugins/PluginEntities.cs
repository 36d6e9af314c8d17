using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Host.Features.Networks;

namespace Platform.Host.Plugins;

/// <summary>What the last start-up made of an installed plugin: shown on the admin page and by the CLI.</summary>
public sealed class PluginRecord
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string Version { get; set; } = "";

    public string? Description { get; set; }

    public string? Publisher { get; set; }

    public PluginStatus Status { get; set; }

    public string? Reason { get; set; }

    public DateTime CheckedAtUtc { get; set; }
}

/// <summary>A plugin is enabled for a network while this row exists.</summary>
public sealed class PluginEnablement
{
    public required string PluginId { get; set; }

    public int NetworkId { get; set; }

    public Network? Network { get; set; }

    public required string EnabledBy { get; set; }

    public DateTime EnabledAtUtc { get; set; }
}

/// <summary>One change of enablement: who, when, what.</summary>
public sealed class PluginAuditEntry
{
    public long Id { get; set; }

    public required string PluginId { get; set; }

    public int NetworkId { get; set; }

    public Network? Network { get; set; }

    public bool Enabled { get; set; }

    public required string ChangedBy { get; set; }

    public DateTime ChangedAtUtc { get; set; }
}

/// <summary>
/// One row whose version every enablement change bumps. Each process caches enablement and reloads
/// it when the version moves, so a change made by another instance or the CLI is seen by the requests that
/// start a millisecond after it (<see cref="EnablementSnapshots"/>).
/// </summary>
public sealed class PluginStateVersion
{
    public int Id { get; set; }

    public long Version { get; set; }
}

/// <summary>One per-network setting of a plugin.</summary>
public sealed class PluginSetting
{
    public required string PluginId { get; set; }

    public int NetworkId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}

internal sealed class PluginRecordConfiguration : IEntityTypeConfiguration<PluginRecord>
{
    public void Configure(EntityTypeBuilder<PluginRecord> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(50).UseCollation("NOCASE");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Version).HasMaxLength(50);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.Publisher).HasMaxLength(200);
        builder.Property(p => p.Reason).HasMaxLength(4000);
    }
}

internal sealed class PluginEnablementConfiguration : IEntityTypeConfiguration<PluginEnablement>
{
    public void Configure(EntityTypeBuilder<PluginEnablement> builder)
    {
        builder.HasKey(e => new { e.PluginId, e.NetworkId });
        builder.Property(e => e.PluginId).HasMaxLength(50).UseCollation("NOCASE");
        builder.Property(e => e.EnabledBy).HasMaxLength(256);
        builder.HasOne(e => e.Network).WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PluginAuditEntryConfiguration : IEntityTypeConfiguration<PluginAuditEntry>
{
    public void Configure(EntityTypeBuilder<PluginAuditEntry> builder)
    {
        builder.Property(e => e.PluginId).HasMaxLength(50).UseCollation("NOCASE");
        builder.Property(e => e.ChangedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.PluginId, e.ChangedAtUtc });
        builder.HasOne(e => e.Network).WithMany().HasForeignKey(e => e.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PluginStateVersionConfiguration : IEntityTypeConfiguration<PluginStateVersion>
{
    public void Configure(EntityTypeBuilder<PluginStateVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new PluginStateVersion { Id = 1, Version = 0 });
    }
}

internal sealed class PluginSettingConfiguration : IEntityTypeConfiguration<PluginSetting>
{
    public void Configure(EntityTypeBuilder<PluginSetting> builder)
    {
        builder.HasKey(s => new { s.PluginId, s.NetworkId, s.Key });
        builder.Property(s => s.PluginId).HasMaxLength(50).UseCollation("NOCASE");
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(100_000);
        builder.HasOne<Network>().WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
