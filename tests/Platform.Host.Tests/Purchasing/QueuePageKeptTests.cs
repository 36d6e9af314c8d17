using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Purchasing;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Purchasing;

/// <summary>The queue page keeps what it read with the queues' and the directory's versions (decision 0020).</summary>
[Collection(PurchasingHost.Name)]
public sealed class QueuePageKeptTests(PurchasingHostFactory factory)
{
    [Fact]
    public async Task QueuePage_IsReadFromMemoryUntilAQueueOrTheDirectoryChanges_WhoeverWritesIt()
    {
        var members = await factory.CreateMembersAsync("Gardé", 2, "sotra");
        var id = await factory.OpenQueueAsync("prod-iaa", ["sotra"], 10, null, TimeSpan.FromDays(3), title: "Palettes gardées");
        using var reader = await BrowserSession.SignInAsync(factory, members[0].Email);
        using var other = await BrowserSession.SignInAsync(factory, members[1].Email);
        var kept = factory.Services.GetRequiredService<QueuePageCache>();

        // Viewed again with nothing changed: the queue and its history come from memory.
        Assert.Equal("Palettes gardées", await TitleAsync(reader, id));
        var hits = kept.Hits;
        Assert.Equal("Palettes gardées", await TitleAsync(reader, id));
        Assert.Equal(hits + 2, kept.Hits);

        // Another member's pledge, through the page: the reader's next view shows it.
        Assert.Equal(HttpStatusCode.Redirect, (await PledgeForms.PledgeAsync(other, id, 4)).StatusCode);
        var (_, page) = await reader.GetPageAsync($"/achats/{id}");
        Assert.Equal(4L, PledgeForms.ShownTotal(page));

        // A writer that is not the site (the command line, another instance): the triggers move the version all the same.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""UPDATE "PurchasingQueues" SET "Title" = 'Palettes renommées' WHERE "Id" = {id}"""));
        Assert.Equal("Palettes renommées", await TitleAsync(reader, id));

        // The reader's company leaves the invited network: the directory's version moves, the queue is no longer theirs to see.
        var companyId = members[0].CompanyId;
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "CompanyMemberships" WHERE "CompanyId" = {companyId}"""));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Client.GetAsync($"/achats/{id}")).StatusCode);
    }

    private static async Task<string> TitleAsync(BrowserSession session, int id)
    {
        var (response, page) = await session.GetPageAsync($"/achats/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("main h1")!.TextContent;
    }
}
