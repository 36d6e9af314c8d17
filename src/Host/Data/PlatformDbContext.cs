using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;
using Platform.Host.Features.Notifications;
using Platform.Host.Features.Purchasing;
using Platform.Host.Plugins;

namespace Platform.Host.Data;

/// <summary>
/// The host's database: accounts and every host feature's tables. Each feature maps its own
/// entities in an <c>IEntityTypeConfiguration</c> beside them; plugins keep their own contexts.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options)
    : IdentityDbContext<User, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Network> Networks => Set<Network>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<CompanyMembership> CompanyMemberships => Set<CompanyMembership>();

    public DbSet<DirectoryVersion> DirectoryVersions => Set<DirectoryVersion>();

    public DbSet<NetworkAnimator> NetworkAnimators => Set<NetworkAnimator>();

    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();

    public DbSet<AgendaEvent> AgendaEvents => Set<AgendaEvent>();

    public DbSet<Registration> AgendaRegistrations => Set<Registration>();

    public DbSet<AgendaVersion> AgendaVersions => Set<AgendaVersion>();

    public DbSet<CalendarFeedToken> AgendaFeedTokens => Set<CalendarFeedToken>();

    public DbSet<PurchasingVersion> PurchasingVersions => Set<PurchasingVersion>();

    public DbSet<PluginRecord> Plugins => Set<PluginRecord>();

    public DbSet<PluginEnablement> PluginEnablements => Set<PluginEnablement>();

    public DbSet<PluginAuditEntry> PluginAudit => Set<PluginAuditEntry>();

    public DbSet<PluginApproval> PluginApprovals => Set<PluginApproval>();

    public DbSet<PluginSetting> PluginSettings => Set<PluginSetting>();

    public DbSet<PluginStateVersion> PluginStateVersions => Set<PluginStateVersion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
    }
}
