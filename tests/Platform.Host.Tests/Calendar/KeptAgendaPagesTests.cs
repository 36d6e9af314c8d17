using AngleSharp.Dom;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

/// <summary>
/// The agenda's list is kept rendered, and the event page's event kept, under the agenda's version
/// (decision 0014, amendments 1 and 2): whatever changes what they show — written here in plain SQL, as
/// another process would — shows at once.
/// </summary>
[Collection(SharedHost.Name)]
public sealed class KeptAgendaPagesTests(SharedHostFactory factory)
{
    [Fact]
    public async Task List_AlreadyRendered_ShowsAtOnceTheSeatsAndATitleChangedOutsideTheHost()
    {
        // Within the hour: among the list's first 20 events, whatever else the tests publish.
        var published = await CalendarTestData.PublishAsync(factory, ["eclair"], capacity: 10, startUtc: DateTime.UtcNow.AddMinutes(50));
        using var browser = new BrowserSession(factory.CreateBrowser());
        async Task<IElement> CardAsync()
        {
            var (_, page) = await browser.GetPageAsync("/agenda");
            return page.QuerySelectorAll("article.agenda-event").Single(a => a.QuerySelector($"a[href='/agenda/{published.Id}']") is not null);
        }

        Assert.Equal("0/10 places", (await CardAsync()).QuerySelector(".agenda-seats")!.TextContent);
        Assert.Equal("0/10 places", (await CardAsync()).QuerySelector(".agenda-seats")!.TextContent);

        await WriteAsync(
            "INSERT INTO \"AgendaRegistrations\" (\"EventId\", \"UserId\", \"Seats\", \"Status\", \"CreatedAtUtc\") VALUES ($id, (SELECT min(\"Id\") FROM \"AspNetUsers\"), 3, 0, '2026-01-01 00:00:00')",
            ("$id", published.Id));
        Assert.Equal("3/10 places", (await CardAsync()).QuerySelector(".agenda-seats")!.TextContent);

        await WriteAsync("UPDATE \"AgendaRegistrations\" SET \"Seats\" = 10 WHERE \"EventId\" = $id", ("$id", published.Id));
        var full = await CardAsync();
        Assert.Equal("10/10 places", full.QuerySelector(".agenda-seats")!.TextContent);
        Assert.Contains(full.QuerySelectorAll(".badge"), b => b.TextContent == "Complet");

        await WriteAsync("DELETE FROM \"AgendaRegistrations\" WHERE \"EventId\" = $id", ("$id", published.Id));
        Assert.Equal("0/10 places", (await CardAsync()).QuerySelector(".agenda-seats")!.TextContent);

        await WriteAsync("UPDATE \"AgendaEvents\" SET \"Title\" = 'Titre changé ailleurs' WHERE \"Id\" = $id", ("$id", published.Id));
        Assert.Equal("Titre changé ailleurs", (await CardAsync()).QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task List_ANewEvent_ShowsAtOnce()
    {
        using var browser = new BrowserSession(factory.CreateBrowser());
        var (_, before) = await browser.GetPageAsync("/agenda?reseau=ciel");

        var published = await CalendarTestData.PublishAsync(factory, ["ciel"], startUtc: DateTime.UtcNow.AddMinutes(40));

        var (_, after) = await browser.GetPageAsync("/agenda?reseau=ciel");
        Assert.DoesNotContain(before.QuerySelectorAll("article h2 a"), a => a.GetAttribute("href") == $"/agenda/{published.Id}");
        Assert.Contains(after.QuerySelectorAll("article h2 a"), a => a.GetAttribute("href") == $"/agenda/{published.Id}");
    }

    [Fact]
    public async Task EventPage_AlreadyRead_ShowsAtOnceTheSeatsAndATitleChangedOutsideTheHost()
    {
        var published = await CalendarTestData.PublishAsync(factory, ["eclair"], capacity: 10);
        using var browser = new BrowserSession(factory.CreateBrowser());
        async Task<(string Title, string Seats)> ReadAsync()
        {
            var (_, page) = await browser.GetPageAsync($"/agenda/{published.Id}");
            return (page.QuerySelector("h1")!.TextContent, page.QuerySelector("#seats")!.TextContent);
        }

        Assert.Equal(("Rencontre", "0/10 places"), (Prefix(await ReadAsync())));
        Assert.Equal(("Rencontre", "0/10 places"), (Prefix(await ReadAsync())));

        await WriteAsync(
            "INSERT INTO \"AgendaRegistrations\" (\"EventId\", \"UserId\", \"Seats\", \"Status\", \"CreatedAtUtc\") VALUES ($id, (SELECT min(\"Id\") FROM \"AspNetUsers\"), 4, 0, '2026-01-01 00:00:00')",
            ("$id", published.Id));
        Assert.Equal("4/10 places", (await ReadAsync()).Seats);

        await WriteAsync("UPDATE \"AgendaEvents\" SET \"Title\" = 'Titre changé ailleurs', \"Capacity\" = 4 WHERE \"Id\" = $id", ("$id", published.Id));
        Assert.Equal(("Titre changé ailleurs", "4/4 places"), await ReadAsync());

        await WriteAsync("DELETE FROM \"AgendaEvents\" WHERE \"Id\" = $id", ("$id", published.Id));
        var (response, _) = await browser.GetPageAsync($"/agenda/{published.Id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);

        static (string, string) Prefix((string Title, string Seats) read) => (read.Title[..9], read.Seats);
    }

    private async Task WriteAsync(string sql, params (string Name, object Value)[] parameters) =>
        Assert.True(await Elsewhere.WriteAsync(factory, sql, parameters) > 0, sql);
}
