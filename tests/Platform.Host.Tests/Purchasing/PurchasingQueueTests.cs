using Platform.Abstractions.Purchasing;
using Platform.Host.Features.Purchasing;

namespace Platform.Host.Tests.Purchasing;

/// <summary>The queue's rules, without a host.</summary>
public sealed class PurchasingQueueTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static PurchasingQueue OpenQueue(int minimum = 100, int? capacity = null)
    {
        var queue = new PurchasingQueue
        {
            Title = "Électricité", Unit = "MWh", MinimumQuantity = minimum, Capacity = capacity,
            OpensAtUtc = Now.AddDays(-1), DeadlineUtc = Now.AddDays(10), Status = PurchasingQueueStatus.Draft,
        };
        queue.Tiers.AddRange([new PriceTier { FromQuantity = 0, UnitPrice = 0.182m }, new PriceTier { FromQuantity = 400, UnitPrice = 0.168m }, new PriceTier { FromQuantity = 800, UnitPrice = 0.155m }]);
        queue.Publish(Now);
        return queue;
    }

    [Theory]
    [InlineData(0, "0.182", "0.168")]
    [InlineData(399, "0.182", "0.168")]
    [InlineData(400, "0.168", "0.155")]
    [InlineData(1200, "0.155", null)]
    public void TierFor_Total_GivesCurrentAndNextTierPrice(long total, string current, string? next)
    {
        var queue = OpenQueue();

        Assert.Equal(decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture), queue.TierFor(total)!.UnitPrice);
        Assert.Equal(next is null ? null : decimal.Parse(next, System.Globalization.CultureInfo.InvariantCulture), queue.NextTierAfter(total)?.UnitPrice);
    }

    [Fact]
    public void TierFor_PledgesCrossingATier_LowersThePriceOfTheWholeOrder()
    {
        var queue = OpenQueue();
        queue.Pledge(1, 300, null, Now);
        Assert.Equal(0.182m, queue.UnitPriceFor(queue.AcceptedQuantity));

        queue.Pledge(2, 150, null, Now);

        Assert.Equal(450, queue.AcceptedQuantity);
        Assert.Equal(0.168m, queue.UnitPriceFor(queue.AcceptedQuantity));
    }

    [Fact]
    public void Pledge_BeyondCapacity_WaitsWithItsPosition_AndMovesUpWhenSomeoneWithdraws()
    {
        var queue = OpenQueue(capacity: 100);
        queue.Pledge(1, 60, null, Now);
        queue.Pledge(2, 50, null, Now);
        queue.Pledge(3, 30, null, Now);

        Assert.Equal(PledgeStatus.Accepted, queue.PledgeOf(1)!.Status);
        Assert.Equal(1, queue.WaitingPosition(queue.PledgeOf(2)!));
        // First come, first served: the third pledge would fit, but it does not jump the queue.
        Assert.Equal(2, queue.WaitingPosition(queue.PledgeOf(3)!));
        Assert.Equal(60, queue.AcceptedQuantity);

        var promoted = queue.Withdraw(1, null, Now);

        Assert.Equal([2, 3], promoted.Select(p => p.CompanyId).Order());
        Assert.Equal(80, queue.AcceptedQuantity);
        Assert.Contains(queue.History, h => h.Kind == HistoryKind.Promoted && h.CompanyId == 2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(100)]
    [InlineData(250)]
    public void PledgeChange_LoadingOnlyTheCompanyAndTheWaitingList_DecidesExactlyAsWithEveryPledge(int? capacity)
    {
        // The service loads, for a pledge change, the acting company's pledge, the waiting list and the
        // other accepted pledges' total. Replay random changes on a fully loaded queue and, each time,
        // on such a partial copy of it: same refusals, statuses, positions, promotions and total.
        var full = OpenQueue(capacity: capacity);
        var random = new Random(capacity ?? 0);
        for (var step = 0; step < 400; step++)
        {
            var company = random.Next(1, 13);
            var withdraw = random.Next(5) == 0;
            var quantity = random.Next(1, 90);
            var partial = PartialCopy(full, company);

            var expected = Attempt(full, company, withdraw, quantity);
            var actual = Attempt(partial, company, withdraw, quantity);

            Assert.Equal(expected, actual);
            Assert.Equal(full.AcceptedQuantity, partial.AcceptedQuantity);
            Assert.Equal(full.WaitingQuantity, partial.WaitingQuantity);
            foreach (var pledge in partial.Pledges)
            {
                var same = full.PledgeOf(pledge.CompanyId)!;
                Assert.Equal((same.Status, same.Quantity, same.Sequence), (pledge.Status, pledge.Quantity, pledge.Sequence));
            }
        }

        Assert.Contains(full.Pledges, p => p.Status == PledgeStatus.Accepted);
        Assert.True(capacity is null || full.Pledges.Any(p => p.Status == PledgeStatus.Waiting) || full.History.Any(h => h.Kind == HistoryKind.Promoted));
    }

    private static string Attempt(PurchasingQueue queue, int company, bool withdraw, int quantity)
    {
        try
        {
            var promoted = withdraw ? queue.Withdraw(company, null, Now) : queue.Pledge(company, quantity, null, Now);
            var pledge = queue.PledgeOf(company)!;
            return $"{pledge.Status} {pledge.Quantity} #{pledge.Sequence} position {queue.WaitingPosition(pledge)} promoted [{string.Join(",", promoted.Select(p => p.CompanyId).Order())}] next {queue.NextSequence}";
        }
        catch (PurchasingRuleException e)
        {
            return e.Message;
        }
    }

    private static PurchasingQueue PartialCopy(PurchasingQueue full, int company)
    {
        var copy = new PurchasingQueue
        {
            Title = full.Title, Unit = full.Unit, MinimumQuantity = full.MinimumQuantity, Capacity = full.Capacity,
            OpensAtUtc = full.OpensAtUtc, DeadlineUtc = full.DeadlineUtc, Status = full.Status, NextSequence = full.NextSequence,
        };
        copy.Pledges.AddRange(full.Pledges
            .Where(p => p.CompanyId == company || p.Status == PledgeStatus.Waiting)
            .Select(p => new Pledge { CompanyId = p.CompanyId, Quantity = p.Quantity, Status = p.Status, Sequence = p.Sequence }));
        copy.LoadedForPledgeChange(full.Pledges.Where(p => p.CompanyId != company && p.Status == PledgeStatus.Accepted).Sum(p => (long)p.Quantity));
        return copy;
    }

    [Fact]
    public void Amend_AcceptedPledgeBeyondCapacityLeft_IsRefusedAndKeepsThePledge()
    {
        var queue = OpenQueue(capacity: 100);
        queue.Pledge(1, 60, null, Now);
        queue.Pledge(2, 30, null, Now);

        var refusal = Assert.Throws<PurchasingRuleException>(() => queue.Pledge(1, 80, null, Now));

        Assert.Contains("Il ne reste que 10", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(60, queue.PledgeOf(1)!.Quantity);
        queue.Pledge(1, 70, null, Now);
        Assert.Equal(100, queue.AcceptedQuantity);
    }

    [Fact]
    public void Pledge_AtOrAfterDeadline_IsRefused()
    {
        var queue = OpenQueue();

        Assert.Throws<PurchasingRuleException>(() => queue.Pledge(1, 10, null, queue.DeadlineUtc));
        Assert.Empty(queue.Pledges);
    }

    [Fact]
    public void CloseIfDue_BeforeDeadline_DoesNothing_AfterIt_ReachesOrFailsTheThreshold()
    {
        var reached = OpenQueue(minimum: 100);
        reached.Pledge(1, 100, null, Now);
        var failed = OpenQueue(minimum: 100);
        failed.Pledge(1, 99, null, Now);

        Assert.False(reached.CloseIfDue(reached.DeadlineUtc.AddTicks(-1)));
        Assert.True(reached.CloseIfDue(reached.DeadlineUtc));
        Assert.True(failed.CloseIfDue(failed.DeadlineUtc));

        Assert.Equal(PurchasingQueueStatus.Negotiating, reached.Status);
        Assert.Equal(100, reached.ClosedQuantity);
        Assert.Equal(PurchasingQueueStatus.Failed, failed.Status);
        Assert.Throws<PurchasingRuleException>(() => reached.Withdraw(1, null, reached.DeadlineUtc));
    }

    [Fact]
    public void Award_AfterNegotiation_SetsTheFinalPrice_ButNotOnAFailedQueue()
    {
        var queue = OpenQueue(minimum: 10);
        queue.Pledge(1, 500, null, Now);
        queue.CloseIfDue(queue.DeadlineUtc);

        queue.Award(0.149m, queue.DeadlineUtc);

        Assert.Equal(PurchasingQueueStatus.Awarded, queue.Status);
        Assert.Equal(0.149m, queue.UnitPriceFor(500));
        var failed = OpenQueue(minimum: 10);
        failed.CloseIfDue(failed.DeadlineUtc);
        Assert.Throws<PurchasingRuleException>(() => failed.Award(0.149m, failed.DeadlineUtc));
    }
}
