using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Host.Features.Companies;

namespace Platform.Host.Features.Accounts;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Company).WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class NetworkAnimatorConfiguration : IEntityTypeConfiguration<NetworkAnimator>
{
    public void Configure(EntityTypeBuilder<NetworkAnimator> builder)
    {
        builder.HasKey(a => new { a.UserId, a.NetworkId });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Network).WithMany().HasForeignKey(a => a.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}
