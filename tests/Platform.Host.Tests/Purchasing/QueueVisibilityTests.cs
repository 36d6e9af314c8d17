using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;
using Platform.Host.Features.Purchasing;

namespace Platform.Host.Tests.Purchasing;

/// <summary>
/// Who sees a queue is written twice: in SQL for the lists (<see cref="PurchasingService.VisibleTo"/>) and on
/// the model for the queue page (<see cref="PurchasingQueue.IsVisibleTo"/>, with the reads of
/// <see cref="PurchasingService.FindVisibleAsync"/>). They must never disagree.
/// </summary>
[Collection(PurchasingHost.Name)]
public sealed class QueueVisibilityTests(PurchasingHostFactory factory)
{
    [Fact]
    public async Task TheListsRule_AndTheQueuePagesRule_AgreeForEveryoneOnEveryQueue()
    {
        var open = await factory.OpenQueueAsync("sotra", ["promobois", "eclair"], minimum: 10, capacity: null, deadlineIn: TimeSpan.FromDays(3));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<PurchasingService>();
        await AddDraftAsync(db, organizer: "prod-iaa", invited: "sotra");
        var pledger = await db.Set<CompanyMembership>().Where(m => m.Network!.Slug == "promobois").Select(m => m.CompanyId).FirstAsync();
        await service.PledgeAsync(open, new Person(false, new HashSet<int>(), pledger), 5, Guid.NewGuid().ToString("N"));
        var queues = await db.Set<PurchasingQueue>().AsNoTracking().Include(q => q.Networks).Include(q => q.Tiers).Include(q => q.Pledges).AsSplitQuery().ToListAsync();
        var networkIds = await db.Set<Network>().Select(n => n.Id).ToListAsync();
        var companies = await db.Set<CompanyMembership>().GroupBy(m => m.CompanyId)
            .Select(g => new { CompanyId = g.Key, Networks = g.Select(m => m.NetworkId).ToList() }).ToListAsync();

        List<(Person Who, List<int> CompanyNetworks)> people =
        [
            (new Person(true, new HashSet<int>(), null), []),
            (new Person(false, new HashSet<int>(), null), []),
            .. networkIds.Select(n => (new Person(false, new HashSet<int> { n }, null), new List<int>())),
            // Every seventh company with members: a few dozen, across every network.
            .. companies.Where((_, i) => i % 7 == 0).Select(c => (new Person(false, new HashSet<int>(), c.CompanyId), c.Networks)),
            // An animator who is also a member of a company.
            (new Person(false, new HashSet<int> { networkIds[0] }, companies[1].CompanyId), companies[1].Networks),
        ];

        var seen = 0;
        foreach (var (who, companyNetworks) in people)
        {
            var inSql = await service.VisibleTo(who).Select(q => q.Id).Order().ToListAsync();
            var onModel = queues.Where(q => q.IsVisibleTo(who, companyNetworks)).Select(q => q.Id).Order().ToList();
            Assert.True(inSql.SequenceEqual(onModel), $"{who}: SQL [{string.Join(", ", inSql)}], model [{string.Join(", ", onModel)}]");
            seen += inSql.Count;

            // The queue page's own reads agree too, and bring the queue whole with the company's invited networks.
            List<int> onPage = [];
            foreach (var queue in queues)
            {
                if (await service.FindVisibleAsync(queue.Id, who) is not var (read, invitedCompanyNetworks))
                {
                    continue;
                }

                onPage.Add(read.Id);
                Assert.Equal(queue.Networks.Select(n => n.NetworkId).Order(), read.Networks.Select(n => n.NetworkId).Order());
                Assert.Equal(queue.OrderedTiers.Select(t => (t.FromQuantity, t.UnitPrice)), read.OrderedTiers.Select(t => (t.FromQuantity, t.UnitPrice)));
                Assert.Equal(queue.Pledges.Select(p => p.Id).Order(), read.Pledges.Select(p => p.Id).Order());
                Assert.Equal(queue.Networks.Select(n => n.NetworkId).Intersect(companyNetworks).Order(), invitedCompanyNetworks.Order());
            }

            Assert.True(inSql.SequenceEqual(onPage), $"{who}: SQL [{string.Join(", ", inSql)}], queue page [{string.Join(", ", onPage)}]");
        }

        // Not a vacuous agreement: some see some queues, nobody but the administrator sees them all.
        Assert.InRange(seen, people.Count, (people.Count * queues.Count) - 1);
        Assert.Contains(queues, q => q.Status == PurchasingQueueStatus.Draft);
        Assert.Contains(queues, q => q.Pledges.Count > 0);
    }

    private static async Task AddDraftAsync(PlatformDbContext db, string organizer, string invited)
    {
        var ids = await db.Set<Network>().ToDictionaryAsync(n => n.Slug, n => n.Id);
        var draft = new PurchasingQueue { Title = "Brouillon de test", Unit = "lot", OrganizerNetworkId = ids[organizer], Status = PurchasingQueueStatus.Draft };
        draft.Networks.Add(new QueueNetwork { NetworkId = ids[invited] });
        db.Add(draft);
        await db.SaveChangesAsync();
    }

    private sealed record Person(bool IsPlatformAdmin, IReadOnlySet<int> AnimatedNetworkIds, int? CompanyId) : ICurrentMember
    {
        public bool IsAuthenticated => true;

        public string? UserId => null;

        public string? DisplayName => null;

        public override string ToString() => $"admin={IsPlatformAdmin}, animates [{string.Join(", ", AnimatedNetworkIds)}], company {CompanyId}";
    }
}
