using Microsoft.EntityFrameworkCore;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Data;

/// <summary>
/// The plugin's own tables, all prefixed <c>formation_</c>, with their own migrations history table.
/// Host rows (networks, companies, users, agenda events) are referred to by id, never mapped.
/// </summary>
public sealed class FormationDbContext(DbContextOptions<FormationDbContext> options) : DbContext(options)
{
    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<NeedResponse> NeedResponses => Set<NeedResponse>();

    public DbSet<Specification> Specifications => Set<Specification>();

    public DbSet<TrainingModule> Modules => Set<TrainingModule>();

    public DbSet<TrainingSession> Sessions => Set<TrainingSession>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<ProgressMeeting> Meetings => Set<ProgressMeeting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Programme>(programme =>
        {
            programme.ToTable("formation_programmes");
            programme.Property(p => p.Title).HasMaxLength(200);
            programme.Property(p => p.Description).HasMaxLength(4000);
            programme.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProgrammeId);
            programme.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.ProgrammeId);
            programme.HasIndex(p => p.CarrierNetworkId);
        });
        modelBuilder.Entity<ProgrammePartner>(partner =>
        {
            partner.ToTable("formation_programme_partners");
            partner.HasKey(p => new { p.ProgrammeId, p.NetworkId });
            partner.HasIndex(p => p.NetworkId);
        });
        modelBuilder.Entity<Theme>(theme =>
        {
            theme.ToTable("formation_themes");
            theme.Property(t => t.Name).HasMaxLength(120);
            theme.HasIndex(t => new { t.ProgrammeId, t.Name }).IsUnique();
            theme.HasOne<Specification>().WithMany().HasForeignKey(t => t.SpecificationId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<NeedResponse>(response =>
        {
            response.ToTable("formation_need_responses");
            response.Property(r => r.Comment).HasMaxLength(2000);
            response.Property(r => r.AnsweredByUserId).HasMaxLength(450);
            response.HasIndex(r => new { r.ProgrammeId, r.CompanyId }).IsUnique();
            response.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId);
            response.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.NeedResponseId);
        });
        modelBuilder.Entity<NeedResponseTheme>(theme =>
        {
            theme.ToTable("formation_need_response_themes");
            theme.HasKey(t => new { t.NeedResponseId, t.ThemeId });
            theme.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId);
        });
        modelBuilder.Entity<Specification>(specification =>
        {
            specification.ToTable("formation_specifications");
            specification.Property(s => s.Title).HasMaxLength(200);
            specification.Property(s => s.Description).HasMaxLength(4000);
            specification.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId);
        });
        modelBuilder.Entity<TrainingModule>(module =>
        {
            module.ToTable("formation_modules");
            module.Property(m => m.Title).HasMaxLength(200);
            module.Property(m => m.TrainingBody).HasMaxLength(200);
            module.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId);
            module.HasOne<Specification>().WithMany().HasForeignKey(m => m.SpecificationId);
            module.HasOne<Theme>().WithMany().HasForeignKey(m => m.ThemeId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<TrainingSession>(session =>
        {
            session.ToTable("formation_sessions");
            session.Property(s => s.Place).HasMaxLength(300);
            session.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId);
            session.HasOne(s => s.Module).WithMany().HasForeignKey(s => s.ModuleId);
            session.HasMany(s => s.Quotas).WithOne().HasForeignKey(q => q.SessionId);
            session.HasMany(s => s.Enrolments).WithOne().HasForeignKey(e => e.SessionId);
            session.HasIndex(s => new { s.ProgrammeId, s.StartUtc });
        });
        modelBuilder.Entity<SessionQuota>(quota =>
        {
            quota.ToTable("formation_session_quotas");
            quota.HasKey(q => new { q.SessionId, q.NetworkId });
        });
        modelBuilder.Entity<Enrolment>(enrolment =>
        {
            enrolment.ToTable("formation_enrolments");
            enrolment.Property(e => e.TraineeName).HasMaxLength(Enrolment.MaxNameLength);
            enrolment.Property(e => e.EnrolledByUserId).HasMaxLength(450);
            enrolment.HasIndex(e => new { e.SessionId, e.CompanyId });
            enrolment.HasIndex(e => e.CompanyId);
        });
        modelBuilder.Entity<ProgressMeeting>(meeting =>
        {
            meeting.ToTable("formation_meetings");
            meeting.Property(m => m.Title).HasMaxLength(200);
            meeting.Property(m => m.Decisions).HasMaxLength(4000);
            meeting.Property(m => m.Minutes).HasMaxLength(20000);
            meeting.Property(m => m.RecordedBy).HasMaxLength(200);
            meeting.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId);
            meeting.HasIndex(m => new { m.ProgrammeId, m.HeldOnUtc });
        });
    }
}
