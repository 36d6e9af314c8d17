using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Calendar;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

/// <summary>Creates events for tests through the same service plugins use.</summary>
internal static class CalendarTestData
{
    public static async Task<EventInfo> PublishAsync(
        PlatformFactory factory,
        string[] organiserSlugs,
        int? capacity = null,
        EventAudience audience = EventAudience.AllMembers,
        DateTime? startUtc = null,
        TimeSpan? duration = null,
        string? title = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ids = await db.Networks.Where(n => organiserSlugs.Contains(n.Slug)).Select(n => n.Id).ToListAsync();
        var start = startUtc ?? DateTime.UtcNow.AddDays(30);
        return await scope.ServiceProvider.GetRequiredService<ICalendarService>().PublishAsync(new PublishEventRequest
        {
            Source = "tests",
            ExternalKey = Guid.NewGuid().ToString("N"),
            Title = title ?? $"Rencontre test {Guid.NewGuid():N}"[..30],
            Type = EventType.Meeting,
            StartUtc = start,
            EndUtc = start + (duration ?? TimeSpan.FromHours(2)),
            OrganiserNetworkIds = ids,
            Capacity = capacity,
            Audience = audience,
            Place = "Agen",
        });
    }

    /// <summary>
    /// A new member with a new company in these networks. Tests use their own members rather than the
    /// demo ones when sign-in must succeed: another test of the shared host locks a demo account out.
    /// </summary>
    public static async Task<string> NewMemberAsync(PlatformFactory factory, string name, params string[] networkSlugs)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var company = db.Companies.Add(new Company { Name = $"{name} SARL" }).Entity;
        foreach (var id in await db.Networks.Where(n => networkSlugs.Contains(n.Slug)).Select(n => n.Id).ToListAsync())
        {
            company.Memberships.Add(new CompanyMembership { NetworkId = id });
        }

        await db.SaveChangesAsync();
        var email = $"test.{Guid.NewGuid():N}@{DemoSeeder.Domain}";
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(email, name, DemoSeeder.Password, PlatformRoles.Member, company.Id);
        Assert.True(user is not null, string.Join("; ", errors));
        return email;
    }

    public static async Task<List<Registration>> RegistrationsAsync(PlatformFactory factory, int eventId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AgendaRegistrations.AsNoTracking()
            .Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync();
    }
}
