using Platform.Host.Web;
using System.Net;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;
using IcalCalendar = Ical.Net.Calendar;

namespace Platform.Host.Tests.Calendar;

/// <summary>The iCalendar feeds, read back with Ical.Net as a calendar application would.</summary>
[Collection(SharedHost.Name)]
public sealed class IcsFeedTests(SharedHostFactory factory)
{
    private static DateOnly LastSunday(int year, int month)
    {
        var day = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private static async Task<IcalCalendar> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Theory]
    [InlineData(10, 13)]   // the night the clocks go back (last Sunday of October): 22:00 → 10:00 lasts 13 hours
    [InlineData(3, 11)]    // the night they go forward (last Sunday of March): 11 hours
    public async Task Feed_AcrossDaylightSavingChange_KeepsParisWallClockAndRealDuration(int month, int hours)
    {
        var year = DateTime.UtcNow.Year + 1;
        var sunday = LastSunday(year, month);
        var start = ParisTime.ToUtc(sunday.AddDays(-1).ToDateTime(new TimeOnly(22, 0)));
        var end = ParisTime.ToUtc(sunday.ToDateTime(new TimeOnly(10, 0)));
        var published = await CalendarTestData.PublishAsync(factory, ["ciel"], startUtc: start, duration: end - start, title: $"Nuit du changement d'heure {month}");

        using var client = factory.CreateClient();
        var calendar = await LoadAsync(client, "/agenda.ics");

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Paris", zone.TzId);
        var standard = zone.TimeZoneInfos.Single(i => i.Name == "STANDARD");
        var daylight = zone.TimeZoneInfos.Single(i => i.Name == "DAYLIGHT");
        Assert.Equal(TimeSpan.FromHours(1), standard.OffsetTo!.Offset);
        Assert.Equal(TimeSpan.FromHours(2), daylight.OffsetTo!.Offset);
        Assert.Equal(10, standard.RecurrenceRule!.ByMonth.Single());
        Assert.Equal(3, daylight.RecurrenceRule!.ByMonth.Single());

        var e = calendar.Events.Single(x => x.Uid == published.Uid);
        Assert.Equal("Europe/Paris", e.DtStart!.TzId);
        Assert.Equal(22, e.DtStart.Hour);
        Assert.Equal(10, e.DtEnd!.Hour);
        Assert.Equal(start, e.DtStart.AsUtc);
        Assert.Equal(end, e.DtEnd.AsUtc);
        Assert.Equal(TimeSpan.FromHours(hours), e.DtEnd.AsUtc - e.DtStart.AsUtc);
        Assert.Equal($"Nuit du changement d'heure {month}", e.Summary);
        Assert.Equal(new Uri($"http://localhost/agenda/{published.Id}"), e.Url);
    }

    [Fact]
    public async Task Feed_CarriesChangesAndCancellations_WithTheSameUid()
    {
        var published = await CalendarTestData.PublishAsync(factory, ["sotra"], capacity: 10);
        using var client = factory.CreateClient();
        var before = (await LoadAsync(client, $"/agenda/{published.Id}.ics")).Events.Single();
        Assert.Equal("CONFIRMED", before.Status);

        using var sotra = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("sotra"));
        var (_, form) = await sotra.GetPageAsync($"/agenda/{published.Id}/modifier");
        var fields = form.QuerySelectorAll("form[method=post] input, form[method=post] textarea, form[method=post] select")
            .Where(i => i.GetAttribute("name") is { } n && n != "__RequestVerificationToken" && (i.GetAttribute("type") is not ("checkbox" or "radio") || i.HasAttribute("checked")))
            .ToDictionary(i => i.GetAttribute("name")!, i => i.LocalName == "select" ? i.QuerySelector("option[selected]")!.GetAttribute("value")! : i.LocalName == "textarea" ? i.TextContent : i.GetAttribute("value") ?? "");
        fields["Input.Place"] = "Marmande";
        Assert.Equal(HttpStatusCode.Redirect, (await sotra.PostFormAsync($"/agenda/{published.Id}/modifier", fields)).StatusCode);

        var changed = (await LoadAsync(client, "/c/sotra/agenda.ics")).Events.Single(x => x.Uid == published.Uid);
        Assert.Equal("Marmande", changed.Location);
        Assert.True(changed.Sequence > before.Sequence);

        Assert.Equal(HttpStatusCode.Redirect, (await sotra.PostFormAsync($"/agenda/{published.Id}?handler=CancelEvent", [], formPage: $"/agenda/{published.Id}")).StatusCode);
        var cancelled = (await LoadAsync(client, "/agenda.ics")).Events.Single(x => x.Uid == published.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > changed.Sequence);
    }

    [Fact]
    public async Task UnchangedFeed_Answers304ToItsETag_AndANewEventChangesIt()
    {
        await CalendarTestData.PublishAsync(factory, ["adebag"]);
        using var client = factory.CreateClient();
        var first = await client.GetAsync("/c/adebag/agenda.ics");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/c/adebag/agenda.ics");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var added = await CalendarTestData.PublishAsync(factory, ["adebag"]);
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, "/c/adebag/agenda.ics");
        afterChange.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains(added.Uid, await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_AskedInGzip_IsTheSameTextCompressed_UnderItsOwnETag_AndEitherETagAnswers304()
    {
        await CalendarTestData.PublishAsync(factory, ["adebag"]);
        using var client = factory.CreateClient();
        var plain = await client.GetAsync("/c/adebag/agenda.ics");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var text = await plain.Content.ReadAsByteArrayAsync();
        Assert.Equal(text.Length, plain.Content.Headers.ContentLength);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);

        using var asked = new HttpRequestMessage(HttpMethod.Get, "/c/adebag/agenda.ics");
        asked.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var compressed = await client.SendAsync(asked);
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal(["gzip"], compressed.Content.Headers.ContentEncoding);
        Assert.Equal("text/calendar", compressed.Content.Headers.ContentType!.MediaType);
        var gzip = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(gzip.Length < text.Length / 3, $"{gzip.Length} compressed bytes for {text.Length}");
        using (var unzipped = new MemoryStream())
        {
            await using (var stream = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress))
            {
                await stream.CopyToAsync(unzipped);
            }

            Assert.Equal(text, unzipped.ToArray());
        }

        Assert.NotEqual(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.Equal(plain.Headers.ETag!.Tag.TrimEnd('"') + "-gzip\"", compressed.Headers.ETag!.Tag);

        foreach (var etag in new[] { plain.Headers.ETag, compressed.Headers.ETag })
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, "/c/adebag/agenda.ics");
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        }

        using var refused = new HttpRequestMessage(HttpMethod.Get, "/c/adebag/agenda.ics");
        refused.Headers.AcceptEncoding.ParseAdd("gzip;q=0");
        var refusedAnswer = await client.SendAsync(refused);
        Assert.Empty(refusedAnswer.Content.Headers.ContentEncoding);
        Assert.Equal(text, await refusedAnswer.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task NetworkFeed_AlreadyRead_ShowsAnEditAndACancellationAtOnce()
    {
        // The feed is kept with the agenda's version: each change must make a new one.
        using var scope = factory.Services.CreateScope();
        var calendar = scope.ServiceProvider.GetRequiredService<ICalendarService>();
        var networkId = (await scope.ServiceProvider.GetRequiredService<INetworkDirectory>().FindBySlugAsync("promobois"))!.Id;
        var key = Guid.NewGuid().ToString("N");
        var start = DateTime.UtcNow.Date.AddDays(40).AddHours(8);
        PublishEventRequest Request(string title) => new()
        {
            Source = "tests", ExternalKey = key, Title = title, Type = EventType.Workshop,
            StartUtc = start, EndUtc = start.AddHours(2), OrganiserNetworkIds = [networkId], Place = "Agen",
        };
        var published = await calendar.PublishAsync(Request("Atelier palettes, première version"));
        using var client = factory.CreateClient();
        Assert.Equal("Atelier palettes, première version", (await LoadAsync(client, "/c/promobois/agenda.ics")).Events.Single(e => e.Uid == published.Uid).Summary);

        await calendar.PublishAsync(Request("Atelier palettes, version corrigée"));
        Assert.Equal("Atelier palettes, version corrigée", (await LoadAsync(client, "/c/promobois/agenda.ics")).Events.Single(e => e.Uid == published.Uid).Summary);

        Assert.True(await calendar.CancelPublishedAsync("tests", key));
        Assert.Equal("CANCELLED", (await LoadAsync(client, "/c/promobois/agenda.ics")).Events.Single(e => e.Uid == published.Uid).Status);
    }

    [Fact]
    public async Task NetworkFeed_AlreadyRead_ShowsAChangeAnotherProcessMadeAtOnce()
    {
        // The feed is kept with the agenda's version, which database triggers move: a write that never went
        // through this host (the CLI, another instance) must make a new feed too.
        var published = await CalendarTestData.PublishAsync(factory, ["adebag"], title: "Visite d'usine, avant");
        using var client = factory.CreateClient();
        Assert.Equal("Visite d'usine, avant", (await LoadAsync(client, "/c/adebag/agenda.ics")).Events.Single(e => e.Uid == published.Uid).Summary);

        Assert.Equal(1, await Elsewhere.WriteAsync(
            factory, "UPDATE \"AgendaEvents\" SET \"Title\" = 'Visite d''usine, après' WHERE \"Id\" = $id", ("$id", published.Id)));

        Assert.Equal("Visite d'usine, après", (await LoadAsync(client, "/c/adebag/agenda.ics")).Events.Single(e => e.Uid == published.Uid).Summary);
        Assert.Equal("Visite d'usine, après", (await LoadAsync(client, "/agenda.ics")).Events.Single(e => e.Uid == published.Uid).Summary);
    }

    [Fact]
    public async Task NetworkFeed_HoldsOnlyThatNetworksEvents()
    {
        var sotra = await CalendarTestData.PublishAsync(factory, ["sotra"]);
        var promobois = await CalendarTestData.PublishAsync(factory, ["promobois"]);
        using var client = factory.CreateClient();
        var feed = await LoadAsync(client, "/c/promobois/agenda.ics");
        Assert.Contains(feed.Events, e => e.Uid == promobois.Uid);
        Assert.DoesNotContain(feed.Events, e => e.Uid == sotra.Uid);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/inconnu/agenda.ics")).StatusCode);
    }

    [Fact]
    public async Task PersonalFeed_ListsMyRegistrations_AndRegeneratingRevokesTheOldAddress()
    {
        var published = await CalendarTestData.PublishAsync(factory, ["etic"], capacity: 5);
        using var sophie = await BrowserSession.SignInAsync(factory, await CalendarTestData.NewMemberAsync(factory, "Sophie Flux", "etic"));
        await sophie.PostFormAsync($"/agenda/{published.Id}?handler=Register", new() { ["Colleagues"] = "0" }, formPage: $"/agenda/{published.Id}");

        var (_, page) = await sophie.GetPageAsync("/agenda/mes-inscriptions");
        var oldUrl = new Uri(page.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        using var calendarApp = factory.CreateClient();
        var feed = await LoadAsync(calendarApp, oldUrl);
        Assert.Contains(feed.Events, e => e.Uid == published.Uid);

        var regenerate = await sophie.PostFormAsync("/agenda/mes-inscriptions?handler=Regenerate", []);
        Assert.Equal(HttpStatusCode.Redirect, regenerate.StatusCode);
        (_, page) = await sophie.GetPageAsync("/agenda/mes-inscriptions");
        var newUrl = new Uri(page.QuerySelector("#feed-url")!.GetAttribute("value")!).PathAndQuery;
        Assert.NotEqual(oldUrl, newUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(oldUrl)).StatusCode);
        Assert.Contains((await LoadAsync(calendarApp, newUrl)).Events, e => e.Uid == published.Uid);
    }
}
