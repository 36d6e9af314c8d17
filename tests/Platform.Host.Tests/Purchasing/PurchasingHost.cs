using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Networks;
using Platform.Host.Features.Purchasing;
using Platform.Host.Tests.Support;
using Platform.Testing;

namespace Platform.Host.Tests.Purchasing;

/// <summary>Purchasing tests share one host whose clock is a <see cref="TestClock"/> they move by hand.</summary>
[CollectionDefinition(Name)]
public sealed class PurchasingHost : ICollectionFixture<PurchasingHostFactory>
{
    public const string Name = "purchasing host with a fake clock";
}

/// <summary>The real host on a temporary SQLite file, no plugins, and a fake clock starting now.</summary>
public sealed class PurchasingHostFactory : PlatformFactory
{
    private int _sequence;

    public PurchasingHostFactory()
        : base(TestPaths.PluginFolderWith())
    {
        // Members stay signed in while the tests move this clock by hours to pass deadlines (see PlatformTestHost.Clock).
        Clock = new TestClock(DateTimeOffset.UtcNow);
    }

    public DateTime Now => Clock!.GetUtcNow().UtcDateTime;

    /// <summary>Opens a queue organised by <paramref name="organizer"/> and returns its id.</summary>
    public async Task<int> OpenQueueAsync(
        string organizer, string[] invited, int minimum, int? capacity, TimeSpan deadlineIn, string unit = "lot",
        (int From, decimal Price)[]? tiers = null, string? title = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ids = await db.Set<Network>().ToDictionaryAsync(n => n.Slug, n => n.Id);
        var draft = new QueueDraft(ids[organizer], title ?? $"File de test {Interlocked.Increment(ref _sequence)}", PurchaseCategory.Supplies, null, unit, minimum, capacity,
            (tiers ?? [(0, 10m)]).Select(t => new PriceTierInfo(t.From, t.Price)).ToList(), Now.AddMinutes(-1), Now.Add(deadlineIn),
            invited.Select(s => ids[s]).ToList());
        return await scope.ServiceProvider.GetRequiredService<PurchasingService>().CreateAsync(draft, null, open: true);
    }

    /// <summary>Creates companies that belong to <paramref name="networks"/>, each with one member account; returns the e-mails.</summary>
    public async Task<List<(string Email, int CompanyId)>> CreateMembersAsync(string prefix, int count, params string[] networks)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var ids = await db.Set<Network>().ToDictionaryAsync(n => n.Slug, n => n.Id);
        var created = new List<(string, int)>();
        for (var i = 0; i < count; i++)
        {
            var company = new Company { Name = $"{prefix} {i:000}", Siret = i % 3 == 0 ? null : $"{12345678900000 + i}" };
            foreach (var slug in networks)
            {
                company.Memberships.Add(new CompanyMembership { NetworkId = ids[slug] });
            }

            db.Add(company);
            await db.SaveChangesAsync();
            var email = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}-{i}@test.interclustering47.fr";
            var (user, errors) = await accounts.CreateAsync(email, $"{prefix} {i}", DemoSeeder.Password, PlatformRoles.Member, company.Id);
            Assert.True(user is not null, string.Join("; ", errors));
            created.Add((email, company.Id));
        }

        return created;
    }

    public async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public async Task<int> CloseDueQueuesAsync()
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PurchasingService>().CloseDueQueuesAsync();
    }

    public async Task<string> UserIdAsync(string email)
    {
        using var scope = Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email))!.Id;
    }
}
