using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Host.Features.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).UseCollation("NOCASE");
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Siren).HasMaxLength(9).IsFixedLength();
        builder.HasIndex(c => c.Siren).IsUnique();
        builder.Property(c => c.Siret).HasMaxLength(14).IsFixedLength();
        builder.Property(c => c.NafCode).HasMaxLength(6);
        builder.Property(c => c.NafLabel).HasMaxLength(200);
        builder.Property(c => c.Sector).HasMaxLength(60);
        builder.HasIndex(c => c.Sector);
        builder.Property(c => c.Commune).HasMaxLength(100);
        builder.HasIndex(c => c.Commune);
        builder.HasIndex(c => c.Headcount);
        builder.Property(c => c.PostalCode).HasMaxLength(5);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Skills).HasMaxLength(2000);
        builder.Property(c => c.Needs).HasMaxLength(2000);
        builder.Property(c => c.Website).HasMaxLength(300);
        builder.Property(c => c.ContactName).HasMaxLength(200);
        builder.Property(c => c.ContactEmail).HasMaxLength(256);
        builder.Property(c => c.ContactPhone).HasMaxLength(30);
        builder.Ignore(c => c.SkillList);
        builder.Ignore(c => c.NeedList);
    }
}

internal sealed class CompanyMembershipConfiguration : IEntityTypeConfiguration<CompanyMembership>
{
    public void Configure(EntityTypeBuilder<CompanyMembership> builder)
    {
        builder.HasKey(m => new { m.CompanyId, m.NetworkId });
        builder.HasIndex(m => m.NetworkId);
        builder.Property(m => m.Role).HasMaxLength(100);
        builder.HasOne(m => m.Company).WithMany(c => c.Memberships).HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Network).WithMany().HasForeignKey(m => m.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryVersionConfiguration : IEntityTypeConfiguration<DirectoryVersion>
{
    public void Configure(EntityTypeBuilder<DirectoryVersion> builder)
    {
        builder.ToTable("DirectoryVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DirectoryVersion { Id = 1, Version = 0 });
    }
}
