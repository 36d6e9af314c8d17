using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Features.Calendar;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

/// <summary>
/// The agenda's search is one compiled query whose empty filters drop out of the SQL: each combination
/// of filters is checked against the rule applied in memory to every event of the database.
/// </summary>
[Collection(SharedHost.Name)]
public sealed class AgendaSearchTests(SharedHostFactory factory)
{
    [Fact]
    public async Task EveryCombinationOfFilters_FindsWhatTheRuleFinds_InOrder()
    {
        var now = DateTime.UtcNow;
        // Around the bounds: still going after 20 days, ended an hour ago, two organisers, an hour either side of the end of the month.
        await CalendarTestData.PublishAsync(factory, ["promobois"], startUtc: now.AddDays(-20), duration: TimeSpan.FromDays(25));
        await CalendarTestData.PublishAsync(factory, ["promobois"], startUtc: now.AddHours(-3), duration: TimeSpan.FromHours(2));
        await CalendarTestData.PublishAsync(factory, ["promobois", "sotra"], startUtc: now.AddDays(3));
        await CalendarTestData.PublishAsync(factory, ["sotra"], startUtc: now.AddDays(30).AddHours(-1));
        await CalendarTestData.PublishAsync(factory, ["sotra"], startUtc: now.AddDays(30).AddHours(1));

        using var scope = factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var directory = scope.ServiceProvider.GetRequiredService<INetworkDirectory>();
        var all = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AgendaEvents.AsNoTracking()
            .Include(e => e.Organisers).Include(e => e.Registrations).ToListAsync();
        int?[] networks = [null, (await directory.FindBySlugAsync("promobois"))!.Id, (await directory.FindBySlugAsync("sotra"))!.Id];
        EventType?[] types = [null, EventType.Meeting, EventType.Workshop];
        var (found, foundWithEveryFilter) = (0, 0);

        foreach (var from in new[] { now, now.AddDays(-90) })
        {
            foreach (var to in new DateTime?[] { null, from.AddDays(30) })
            {
                foreach (var network in networks)
                {
                    foreach (var type in types)
                    {
                        foreach (var (skip, take) in new[] { (0, 21), (2, 3) })
                        {
                            var expected = all
                                .Where(e => e.EndUtc > from && (to is null || e.StartUtc < to)
                                    && (network is null || e.Organisers.Any(o => o.NetworkId == network))
                                    && (type is null || e.Type == type))
                                .OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Skip(skip).Take(take).ToList();
                            var query = new EventQuery(from, to, network, type, skip, take);

                            var views = await calendar.SearchAsync(query);
                            var items = await calendar.ListItemsAsync(query);

                            var because = $"from {from:u}, to {to:u}, network {network}, type {type}, skip {skip}";
                            Assert.True(expected.Select(e => e.Id).SequenceEqual(views.Select(v => v.Id)), because);
                            Assert.True(expected.Select(e => e.Id).SequenceEqual(items.Select(i => i.Id)), because);
                            foreach (var (item, agendaEvent) in items.Zip(expected))
                            {
                                Assert.Equal(agendaEvent.Organisers.Select(o => o.NetworkId).Order(), item.OrganiserIds.Order());
                                Assert.Equal(agendaEvent.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => r.Seats), item.ConfirmedSeats);
                                Assert.Equal((agendaEvent.Title, agendaEvent.Type, agendaEvent.IsCancelled, agendaEvent.Capacity), (item.Title, item.Type, item.IsCancelled, item.Capacity));
                            }

                            found += expected.Count;
                            foundWithEveryFilter += to is not null && network is not null && type is not null ? expected.Count : 0;
                        }
                    }
                }
            }
        }

        // Not an agreement on nothing: the demo agenda and the events above fill the combinations.
        Assert.True(found > 100 && foundWithEveryFilter > 0, $"{found} events found over every combination, {foundWithEveryFilter} with every filter");
    }
}
