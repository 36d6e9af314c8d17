using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Host.Features.Networks;

internal sealed class NetworkConfiguration : IEntityTypeConfiguration<Network>
{
    public void Configure(EntityTypeBuilder<Network> builder)
    {
        builder.Property(n => n.Slug).HasMaxLength(80).UseCollation("NOCASE");
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.Property(n => n.Name).HasMaxLength(200);
        builder.Property(n => n.Description).HasMaxLength(4000);
        builder.Property(n => n.Labels).HasMaxLength(1000);
        builder.Property(n => n.Website).HasMaxLength(300);
        builder.Property(n => n.AnimatorName).HasMaxLength(200);
        builder.Property(n => n.AnimatorEmail).HasMaxLength(256);
        builder.Property(n => n.AnimatorPhone).HasMaxLength(30);
        builder.Ignore(n => n.LabelList);
    }
}
