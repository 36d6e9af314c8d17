using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Purchasing;

internal sealed class PurchasingQueueConfiguration : IEntityTypeConfiguration<PurchasingQueue>
{
    public void Configure(EntityTypeBuilder<PurchasingQueue> builder)
    {
        builder.ToTable("PurchasingQueues");
        builder.Ignore(q => q.OrderedTiers);
        builder.Ignore(q => q.AcceptedQuantityNotLoaded);
        builder.Property(q => q.Title).HasMaxLength(200);
        builder.Property(q => q.Description).HasMaxLength(4000);
        builder.Property(q => q.Unit).HasMaxLength(30);
        builder.Property(q => q.CreatedByUserId).HasMaxLength(450);
        builder.Property(q => q.FinalUnitPrice).HasPrecision(14, 4);
        builder.HasIndex(q => new { q.Status, q.DeadlineUtc });
        builder.HasOne<Network>().WithMany().HasForeignKey(q => q.OrganizerNetworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Tiers).WithOne().HasForeignKey(t => t.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Networks).WithOne().HasForeignKey(n => n.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Pledges).WithOne().HasForeignKey(p => p.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.History).WithOne().HasForeignKey(h => h.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PurchasingVersionConfiguration : IEntityTypeConfiguration<PurchasingVersion>
{
    public void Configure(EntityTypeBuilder<PurchasingVersion> builder)
    {
        builder.ToTable("PurchasingVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new PurchasingVersion { Id = 1, Version = 0 });
    }
}

internal sealed class PriceTierConfiguration : IEntityTypeConfiguration<PriceTier>
{
    public void Configure(EntityTypeBuilder<PriceTier> builder)
    {
        builder.ToTable("PurchasingPriceTiers");
        builder.HasKey(t => new { t.QueueId, t.FromQuantity });
        builder.Property(t => t.UnitPrice).HasPrecision(14, 4);
    }
}

internal sealed class QueueNetworkConfiguration : IEntityTypeConfiguration<QueueNetwork>
{
    public void Configure(EntityTypeBuilder<QueueNetwork> builder)
    {
        builder.ToTable("PurchasingQueueNetworks");
        builder.HasKey(n => new { n.QueueId, n.NetworkId });
        builder.HasIndex(n => n.NetworkId);
        builder.HasOne<Network>().WithMany().HasForeignKey(n => n.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> builder)
    {
        builder.ToTable("PurchasingPledges");
        // One pledge per company and queue: two racing first pledges cannot both insert.
        builder.HasIndex(p => new { p.QueueId, p.CompanyId }).IsUnique();
        builder.HasIndex(p => p.CompanyId);
        builder.Property(p => p.UpdatedByUserId).HasMaxLength(450);
        builder.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PledgeRequestConfiguration : IEntityTypeConfiguration<PledgeRequest>
{
    public void Configure(EntityTypeBuilder<PledgeRequest> builder)
    {
        builder.ToTable("PurchasingRequests");
        builder.HasKey(r => new { r.QueueId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(64);
        builder.HasOne<PurchasingQueue>().WithMany().HasForeignKey(r => r.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QueueHistoryEntryConfiguration : IEntityTypeConfiguration<QueueHistoryEntry>
{
    public void Configure(EntityTypeBuilder<QueueHistoryEntry> builder)
    {
        builder.ToTable("PurchasingHistory");
        builder.HasIndex(h => new { h.QueueId, h.Id });
        builder.Property(h => h.Note).HasMaxLength(300);
    }
}
