using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;
using Platform.Host.Features.Purchasing;

namespace Platform.Host.Tests.Purchasing;

/// <summary>
/// The pledge change writes its rows in hand-written SQL (<see cref="PledgeChangeSql"/>), not through EF: its
/// statements must name every column EF maps, and what they write must read back through EF as the queue's
/// rules left it.
/// </summary>
[Collection(PurchasingHost.Name)]
public sealed partial class PledgeChangeSqlTests(PurchasingHostFactory factory)
{
    [Fact]
    public async Task Statements_NameEveryColumnTheModelMaps()
    {
        var columns = await factory.WithDbAsync(db => Task.FromResult(new
        {
            Queue = Columns(db.Model, typeof(PurchasingQueue)),
            Pledge = Columns(db.Model, typeof(Pledge)),
            History = Columns(db.Model, typeof(QueueHistoryEntry)),
            Request = Columns(db.Model, typeof(PledgeRequest)),
        }));

        // The queue is read whole (its id is the WHERE), and so is a pledge; rows are inserted whole, the key
        // of the history excepted (the database numbers it).
        Assert.Equal(columns.Queue, Named(PledgeChangeSql.Target, "q"));
        Assert.Equal(columns.Pledge, Named(PledgeChangeSql.Pledges));
        Assert.Equal(columns.Pledge, Named(PledgeChangeSql.InsertPledge));
        Assert.Equal(columns.History.Except(["Id"]), Named(PledgeChangeSql.InsertHistory));
        Assert.Equal(columns.Request, Named(PledgeChangeSql.InsertRequest));

        // An amendment sets what the rules change on a pledge: everything but who made it, where, and when.
        Assert.Equal(columns.Pledge.Except(["Id", "QueueId", "CompanyId", "CreatedAtUtc"]), Named(PledgeChangeSql.UpdatePledge).Except(["Id"]));
    }

    [Fact]
    public async Task Changes_ReadBackThroughEf_AsTheRulesLeftThemInMemory()
    {
        const int capacity = 100;
        var queueId = await factory.OpenQueueAsync("promobois", ["promobois"], 50, capacity, TimeSpan.FromDays(5));
        var members = await factory.CreateMembersAsync("Relecture", 3, "promobois");
        var people = new List<Member>();
        foreach (var (email, companyId) in members)
        {
            people.Add(new Member(await factory.UserIdAsync(email), companyId));
        }

        var (a, b, c) = (people[0], people[1], people[2]);
        // A new pledge, two that wait, a withdrawal that promotes both, a pledge made again (a new arrival
        // number), an amendment, and a form sent twice.
        var steps = new (Member Who, int? Quantity, string Key)[]
        {
            (a, 60, "k1"), (b, 50, "k2"), (c, 30, "k3"), (a, null, "k4"), (a, 10, "k5"), (b, 45, "k6"), (b, 45, "k6"),
        };

        // The oracle: the same queue and the same changes, every pledge in memory, nothing written.
        var expected = await factory.WithDbAsync(db => db.Set<PurchasingQueue>().AsNoTracking().Include(q => q.Pledges).Include(q => q.History).SingleAsync(q => q.Id == queueId));
        var historyBefore = expected.History.Count;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var replayed = 0;
        using (var scope = factory.Services.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<PurchasingService>();
            foreach (var (who, quantity, key) in steps)
            {
                var result = quantity is { } q
                    ? await service.PledgeAsync(queueId, who, q, key)
                    : await service.WithdrawAsync(queueId, who, key);
                Assert.True(result.Found);
                if (!applied.Add(key))
                {
                    Assert.True(result.Replayed);
                    replayed++;
                    continue;
                }

                _ = quantity is { } amount ? expected.Pledge(who.Company, amount, who.UserId, factory.Now) : expected.Withdraw(who.Company, who.UserId, factory.Now);
            }
        }

        Assert.Equal(1, replayed);
        var queueType = await factory.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(PurchasingQueue))!));
        var actual = await factory.WithDbAsync(db => db.Set<PurchasingQueue>().AsNoTracking().Include(q => q.Pledges).Include(q => q.History).SingleAsync(q => q.Id == queueId));
        var requests = await factory.WithDbAsync(db => db.Set<PledgeRequest>().Where(r => r.QueueId == queueId).OrderBy(r => r.Key).ToListAsync());

        Assert.Equal(expected.NextSequence, actual.NextSequence);
        // Every column of the queue's row as the rules left it: a rule that one day changes another column of the
        // queue on a pledge fails here until PledgeChangeSql writes it.
        Assert.Equal(QueueRow(queueType, expected), QueueRow(queueType, actual));
        Assert.Equal(Pledges(expected), Pledges(actual));
        Assert.All(actual.Pledges, p => Assert.True(p.Id > 0));
        Assert.Equal(
            expected.History.Skip(historyBefore).Select(h => (h.Kind, h.CompanyId, h.Quantity, h.Note, h.AtUtc)),
            actual.History.OrderBy(h => h.Id).Skip(historyBefore).Select(h => (h.Kind, h.CompanyId, h.Quantity, h.Note, h.AtUtc)));
        Assert.Equal(applied.Order(StringComparer.Ordinal), requests.Select(r => r.Key));
        Assert.All(requests, r => Assert.Equal(factory.Now, r.AtUtc));
        Assert.Equal(
            steps.DistinctBy(s => s.Key).Select(s => (s.Key, s.Who.Company)).Order(),
            requests.Select(r => (r.Key, r.CompanyId)).Order());

        // The promotions and the pledge made again are in the rows, not only in the oracle.
        Assert.Equal(capacity - 15, actual.AcceptedQuantity);
        Assert.Equal(PledgeStatus.Accepted, actual.PledgeOf(c.Company)!.Status);
        Assert.True(actual.PledgeOf(a.Company)!.Sequence > actual.PledgeOf(c.Company)!.Sequence);
    }

    private static object?[] QueueRow(IEntityType queueType, PurchasingQueue queue) =>
        [.. queueType.GetProperties().Select(p => p.GetGetter().GetClrValue(queue))];

    private static string[] Columns(IModel model, Type entity) =>
        [.. model.FindEntityType(entity)!.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal)];

    /// <summary>The columns a statement names (quoted, prefixed with <paramref name="alias"/> when given), each once.</summary>
    private static string[] Named(string sql, string? alias = null)
    {
        var prefix = alias is null ? @"(?<![.\w""])" : Regex.Escape(alias) + @"\.";
        return [.. Regex.Matches(sql, prefix + @"""(?<name>\w+)""").Select(m => m.Groups["name"].Value).Where(n => !Tables().IsMatch(n))
            .Distinct().Order(StringComparer.Ordinal)];
    }

    private static (int Company, int Quantity, PledgeStatus Status, long Sequence, DateTime Created, DateTime Updated, string? By)[] Pledges(PurchasingQueue queue) =>
        [.. queue.Pledges.OrderBy(p => p.CompanyId).Select(p => (p.CompanyId, p.Quantity, p.Status, p.Sequence, p.CreatedAtUtc, p.UpdatedAtUtc, p.UpdatedByUserId))];

    [GeneratedRegex("^(Purchasing[A-Z]\\w*|CompanyMemberships)$")]
    private static partial Regex Tables();

    private sealed record Member(string UserId, int Company) : ICurrentMember
    {
        public bool IsAuthenticated => true;

        public string? DisplayName => "Relecture";

        public int? CompanyId => Company;

        public bool IsPlatformAdmin => false;

        public IReadOnlySet<int> AnimatedNetworkIds { get; } = new HashSet<int>();
    }
}
