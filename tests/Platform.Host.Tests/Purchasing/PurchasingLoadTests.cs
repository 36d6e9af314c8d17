using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Purchasing;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Purchasing;
using Platform.Host.Tests.Support;
using Xunit.Abstractions;

namespace Platform.Host.Tests.Purchasing;

/// <summary>
/// The core promise under load, through real HTTP requests on a real SQLite file: many member
/// sessions pledging, amending, withdrawing and double-submitting at once.
/// </summary>
[Collection(PurchasingHost.Name)]
public sealed class PurchasingLoadTests(PurchasingHostFactory factory, ITestOutputHelper output)
{
    private const int Companies = 30;
    private const int OperationsPerCompany = 8;
    private const int Capacity = 600;

    private static readonly HistoryKind[] PledgeKinds = [HistoryKind.Pledged, HistoryKind.Amended, HistoryKind.Withdrawn];

    [Fact]
    public async Task ParallelPledgesAmendsAndWithdrawals_TotalShownEqualsAcceptedPledges_WithinCapacity_NothingLostOrDoubled()
    {
        var queueId = await factory.OpenQueueAsync("promobois", ["promobois", "sotra"], 300, Capacity, TimeSpan.FromDays(5));
        var members = await factory.CreateMembersAsync("Charge", Companies, "promobois");
        var sessions = await Task.WhenAll(members.Select(m => BrowserSession.SignInAsync(factory, m.Email)));
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var outcomes = new ConcurrentDictionary<int, (int? Quantity, int Applied, int Duplicates)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Task.WhenAll(sessions.Select((session, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            int? quantity = null;
            var applied = 0;
            var duplicates = 0;
            for (var op = 0; op < OperationsPerCompany; op++)
            {
                var withdraw = quantity is not null && random.Next(4) == 0;
                var wanted = withdraw ? (int?)null : NextQuantity(random, quantity);
                var form = await PledgeForms.RenderAsync(session, queueId, withdraw ? "Withdraw" : "Pledge", wanted);
                HttpResponseMessage[] responses;
                if (random.Next(6) == 0)
                {
                    // A double click: the same rendered form twice, both in flight at once.
                    responses = await Task.WhenAll(form.PostAsync(session.Client), form.PostAsync(session.Client));
                    duplicates++;
                }
                else
                {
                    responses = [await form.PostAsync(session.Client)];
                }

                foreach (var response in responses)
                {
                    statuses.Add(response.StatusCode);
                }

                // A refused request stores no key, so its twin may go through if someone else freed
                // room meanwhile; an applied one is never applied twice (checked on the history below).
                if (responses.Any(r => r.StatusCode == HttpStatusCode.Redirect))
                {
                    quantity = wanted;
                    applied++;
                }
            }

            outcomes[members[index].CompanyId] = (quantity, applied, duplicates);
        })));

        output.WriteLine($"{statuses.Count} posts ({statuses.Count(s => s == HttpStatusCode.Redirect)} redirects, {statuses.Count(s => s == HttpStatusCode.Conflict)} conflicts), each after a page render, in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"unexpected {s}"));
        Assert.True(statuses.Count(s => s == HttpStatusCode.Redirect) >= Companies * OperationsPerCompany / 2, "most operations should go through");
        Assert.True(outcomes.Values.Sum(o => o.Duplicates) > 0);

        var (pledges, history, requests) = await factory.WithDbAsync(async db => (
            await db.Set<Pledge>().AsNoTracking().Where(p => p.QueueId == queueId).ToListAsync(),
            await db.Set<QueueHistoryEntry>().AsNoTracking().Where(h => h.QueueId == queueId && PledgeKinds.Contains(h.Kind)).ToListAsync(),
            await db.Set<PledgeRequest>().CountAsync(r => r.QueueId == queueId)));

        // Nothing lost: each company's pledge is what its last accepted request asked for.
        foreach (var (companyId, outcome) in outcomes)
        {
            var pledge = pledges.SingleOrDefault(p => p.CompanyId == companyId);
            var current = pledge is { Status: not PledgeStatus.Withdrawn } ? pledge.Quantity : (int?)null;
            Assert.Equal(outcome.Quantity, current);
            // Nothing doubled: one history line per applied request, double clicks included.
            Assert.Equal(outcome.Applied, history.Count(h => h.CompanyId == companyId));
        }

        Assert.Equal(outcomes.Values.Sum(o => o.Applied), requests);

        // Within capacity, first come first served: the accepted pledges are exactly the arrival-order prefix that fits.
        var active = pledges.Where(p => p.Status != PledgeStatus.Withdrawn).OrderBy(p => p.Sequence).ToList();
        var accepted = active.Where(p => p.Status == PledgeStatus.Accepted).Sum(p => (long)p.Quantity);
        Assert.InRange(accepted, 1, Capacity);
        var prefix = active.TakeWhile(p => p.Status == PledgeStatus.Accepted).ToList();
        Assert.All(active.Skip(prefix.Count), p => Assert.Equal(PledgeStatus.Waiting, p.Status));
        if (prefix.Count < active.Count)
        {
            Assert.True(accepted + active[prefix.Count].Quantity > Capacity, "the first waiting pledge would have fit");
        }

        // The total every page shows is the sum of the accepted pledges.
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("promobois"));
        var (_, page) = await animator.GetPageAsync($"/achats/{queueId}");
        Assert.Equal(accepted, PledgeForms.ShownTotal(page));
        var (_, memberPage) = await sessions[0].GetPageAsync("/achats");
        Assert.Equal(accepted, PledgeForms.ShownTotal(Card(memberPage, queueId)));

        foreach (var session in sessions)
        {
            session.Dispose();
        }
    }

    [Fact]
    public async Task PledgesRacingTheClosingJob_NothingIsAcceptedAfterClosing()
    {
        var queueId = await factory.OpenQueueAsync("promobois", ["promobois"], 100, null, TimeSpan.FromHours(1));
        var members = await factory.CreateMembersAsync("Course", 16, "promobois");
        var sessions = await Task.WhenAll(members.Select(m => BrowserSession.SignInAsync(factory, m.Email)));
        var deadline = await factory.WithDbAsync(db => db.Set<PurchasingQueue>().Where(q => q.Id == queueId).Select(q => q.DeadlineUtc).SingleAsync());
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var completed = 0;
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var closer = Task.Run(async () =>
        {
            await halfway.Task;
            factory.Clock!.Advance(TimeSpan.FromHours(2));
            // The background job wakes up on the same clock move; this call races it and the pledges.
            await factory.CloseDueQueuesAsync();
        });
        await Task.WhenAll(sessions.Select((session, index) => Task.Run(async () =>
        {
            var random = new Random(100 + index);
            int? quantity = null;
            for (var op = 0; op < 8; op++)
            {
                quantity = NextQuantity(random, quantity);
                var response = await PledgeForms.PledgeAsync(session, queueId, quantity.Value);
                statuses.Add(response.StatusCode);
                if (Interlocked.Increment(ref completed) == 64)
                {
                    halfway.SetResult();
                }
            }
        })).Append(closer));

        var (queue, pledges, history) = await factory.WithDbAsync(async db => (
            await db.Set<PurchasingQueue>().AsNoTracking().SingleAsync(q => q.Id == queueId),
            await db.Set<Pledge>().AsNoTracking().Where(p => p.QueueId == queueId).ToListAsync(),
            await db.Set<QueueHistoryEntry>().AsNoTracking().Where(h => h.QueueId == queueId && PledgeKinds.Contains(h.Kind)).ToListAsync()));

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"unexpected {s}"));
        Assert.Contains(HttpStatusCode.Conflict, statuses);
        Assert.Equal(PurchasingQueueStatus.Negotiating, queue.Status);
        // The consolidated total frozen at closing is still the sum of the accepted pledges: nothing slipped in after.
        Assert.Equal(queue.ClosedQuantity, pledges.Where(p => p.Status == PledgeStatus.Accepted).Sum(p => (long)p.Quantity));
        Assert.All(history, h => Assert.True(h.AtUtc < deadline, "a pledge was accepted after the deadline"));
        Assert.All(pledges, p => Assert.True(p.UpdatedAtUtc < deadline));
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Redirect), history.Count);

        foreach (var session in sessions)
        {
            session.Dispose();
        }
    }

    private static int NextQuantity(Random random, int? current)
    {
        int next;
        do
        {
            next = random.Next(5, 61);
        }
        while (next == current);
        return next;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Card(AngleSharp.Html.Dom.IHtmlDocument page, int queueId)
    {
        var card = page.QuerySelector($"[data-queue='{queueId}']") ?? throw new InvalidOperationException($"queue {queueId} not listed");
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(card.OuterHtml);
    }
}
