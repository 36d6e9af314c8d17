using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Calendar;

internal sealed class AgendaEventConfiguration : IEntityTypeConfiguration<AgendaEvent>
{
    public void Configure(EntityTypeBuilder<AgendaEvent> builder)
    {
        builder.ToTable("AgendaEvents");
        builder.Property(e => e.Uid).HasMaxLength(100);
        builder.HasIndex(e => e.Uid).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Place).HasMaxLength(300);
        builder.Property(e => e.Description).HasMaxLength(4000);
        builder.Property(e => e.Programme).HasMaxLength(4000);
        builder.Property(e => e.Source).HasMaxLength(100);
        builder.Property(e => e.ExternalKey).HasMaxLength(100);
        builder.Property(e => e.RegistrationUrl).HasMaxLength(AgendaEvent.MaxRegistrationUrlLength);
        // The end is in the start index: « not ended by » walks the events of the last 31 days in it
        // (AgendaEvent.MaxDuration) without reading each row from the table.
        builder.HasIndex(e => new { e.StartUtc, e.EndUtc });
        builder.HasIndex(e => new { e.Source, e.ExternalKey }).IsUnique();
        builder.HasMany(e => e.Organisers).WithOne().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Registrations).WithOne(r => r.Event).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(e => e.IsCancelled);
    }
}

internal sealed class AgendaVersionConfiguration : IEntityTypeConfiguration<AgendaVersion>
{
    public void Configure(EntityTypeBuilder<AgendaVersion> builder)
    {
        builder.ToTable("AgendaVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new AgendaVersion { Id = 1, Version = 0 });
    }
}

internal sealed class AgendaEventOrganiserConfiguration : IEntityTypeConfiguration<AgendaEventOrganiser>
{
    public void Configure(EntityTypeBuilder<AgendaEventOrganiser> builder)
    {
        builder.ToTable("AgendaEventOrganisers");
        builder.HasKey(o => new { o.EventId, o.NetworkId });
        builder.HasIndex(o => o.NetworkId);
        builder.HasOne<Network>().WithMany().HasForeignKey(o => o.NetworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("AgendaRegistrations");
        // One live registration per person and event, whatever the code above does.
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique().HasFilter("\"Status\" <> 2");
        builder.HasIndex(r => new { r.EventId, r.Status });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CalendarFeedTokenConfiguration : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> builder)
    {
        builder.ToTable("AgendaFeedTokens");
        builder.HasKey(t => t.UserId);
        builder.Property(t => t.Token).HasMaxLength(64);
        builder.HasIndex(t => t.Token).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
