using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Calendar;

/// <summary>
/// The iCalendar feeds: <c>/agenda.ics</c> (every event), <c>/c/{network}/agenda.ics</c> (one
/// network's events) and <c>/agenda/flux/{token}.ics</c> (a member's registrations, behind a
/// secret the member can regenerate), plus <c>/agenda/{id}.ics</c> for one event.
/// </summary>
public static class CalendarFeedEndpoints
{
    public static WebApplication MapCalendarFeeds(this WebApplication app)
    {
        app.MapGet("/agenda.ics", async (HttpContext http, CalendarService calendar, INetworkDirectory directory) =>
            await FeedAsync(http, calendar, directory, "Agenda Interclustering 47", null));

        // {network} is resolved (or answered 404) by CurrentNetworkMiddleware.
        app.MapGet("/c/{network}/agenda.ics", async (HttpContext http, ICurrentNetwork current, CalendarService calendar, INetworkDirectory directory) =>
            await FeedAsync(http, calendar, directory, $"Agenda {current.Required.Name}", current.Required.Id));

        app.MapGet("/agenda/{id:int}.ics", async (int id, HttpContext http, CalendarService calendar, INetworkDirectory directory) =>
            await calendar.FindViewAsync(id, http.RequestAborted) is { } view
                ? await IcsAsync(http, directory, view.Event.Title, [view])
                : Results.NotFound());

        app.MapGet("/agenda/flux/{token}.ics", async (string token, HttpContext http, PlatformDbContext db, RegistrationService registrations, INetworkDirectory directory, TimeProvider time) =>
        {
            var userId = token.Length is > 0 and <= 64
                ? await db.AgendaFeedTokens.AsNoTracking().Where(t => t.Token == token).Select(t => t.UserId).FirstOrDefaultAsync(http.RequestAborted)
                : null;
            if (userId is null)
            {
                return Results.NotFound();
            }

            var mine = await registrations.ListMineAsync(userId, time.GetUtcNow().UtcDateTime.AddDays(-90), http.RequestAborted);
            return await IcsAsync(http, directory, "Mes inscriptions · Interclustering 47", mine.Select(m => m.Event).ToList());
        });
        return app;
    }

    /// <summary>The user's feed token, created on first use.</summary>
    public static async Task<string> GetOrCreateTokenAsync(DatabaseWriter writer, string userId, DateTime nowUtc, bool regenerate, CancellationToken cancellationToken) =>
        await writer.ExecuteAsync(async (db, token) =>
        {
            var existing = await db.AgendaFeedTokens.FirstOrDefaultAsync(t => t.UserId == userId, token);
            if (existing is not null && !regenerate)
            {
                return existing.Token;
            }

            if (existing is not null)
            {
                db.AgendaFeedTokens.Remove(existing);
                await db.SaveChangesAsync(token);
            }

            var fresh = new CalendarFeedToken { UserId = userId, Token = NewToken(), CreatedAtUtc = nowUtc };
            db.AgendaFeedTokens.Add(fresh);
            await db.SaveChangesAsync(token);
            return fresh.Token;
        }, cancellationToken);

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The public and network feeds, which calendar clients poll all day: a feed is kept with the
    /// agenda's version it was made at (<see cref="CalendarService.VersionAsync"/>, one row read by its
    /// key), so while the agenda does not change a poll costs neither reading the feed's events nor
    /// fingerprinting them. Any change to an event, its organisers or a network's name makes each feed
    /// again on its next poll (decision 0014). The version is read before the events, so a feed is never
    /// older than the version it is kept with. The feed's window moves with the clock (events that ended
    /// 90 days ago leave it), so a feed is also made again after ten minutes, whatever the version.
    /// </summary>
    private static async Task<IResult> FeedAsync(HttpContext http, CalendarService calendar, INetworkDirectory directory, string name, int? networkId)
    {
        var version = await calendar.VersionAsync(http.RequestAborted);
        var feeds = http.RequestServices.GetRequiredService<IcsCache>();
        var address = ("agenda.ics", name, $"{http.Request.Scheme}://{http.Request.Host}/", networkId);
        if (feeds.FindFeed(address, version) is not { } document)
        {
            document = await MakeAsync(http, directory, name, await calendar.FeedAsync(networkId, calendar.FeedFromUtc(), http.RequestAborted));
            feeds.KeepFeed(address, version, document);
        }

        return Answer(http, document);
    }

    private static async Task<IResult> IcsAsync(HttpContext http, INetworkDirectory directory, string name, IReadOnlyList<AgendaEventView> events) =>
        Answer(http, await MakeAsync(http, directory, name, events));

    /// <summary>
    /// The document in the encoding the client accepts (calendar applications ask for gzip), or 304 to the entity
    /// tag of either encoding: both say the client holds this content.
    /// </summary>
    private static IResult Answer(HttpContext http, IcsDocument document)
    {
        var gzip = AcceptsGzip(http.Request);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        http.Response.Headers.ETag = gzip ? document.GzipETag : document.ETag;
        var known = http.Request.Headers.IfNoneMatch;
        if (known.Contains(document.ETag) || known.Contains(document.GzipETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (gzip)
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(document.Gzip, IcsWriter.ContentType);
        }

        http.Response.ContentLength = document.Length;
        return Results.Stream(document.OpenText(), IcsWriter.ContentType);
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        foreach (var coding in request.GetTypedHeaders().AcceptEncoding)
        {
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding.Quality is not 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Makes a feed. Serialising is most of a feed's cost and calendar clients poll the same feeds again
    /// and again, so the bytes are kept under a fingerprint of everything they are made of (each event's
    /// id, last change, sequence, dates, title and organisers, the networks' names, the feed's name and the
    /// site's address; every edit of an event moves its last change): a change to any of them makes a new
    /// fingerprint. The fingerprint is also the ETag, so an
    /// unchanged feed answers 304 without a body.
    /// </summary>
    private static async Task<IcsDocument> MakeAsync(HttpContext http, INetworkDirectory directory, string name, IReadOnlyList<AgendaEventView> events)
    {
        var networks = (await directory.ListAsync(http.RequestAborted)).ToDictionary(n => n.Id, n => n.Name);
        var siteRoot = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var etag = $"\"{Fingerprint(name, siteRoot, events, networks)}\"";
        return http.RequestServices.GetRequiredService<IcsCache>()
            .GetOrMake(etag, () => IcsWriter.Write(name, events, siteRoot, id => networks.GetValueOrDefault(id, "?")));
    }

    private static string Fingerprint(string name, Uri siteRoot, IReadOnlyList<AgendaEventView> events, Dictionary<int, string> networks)
    {
        var text = new StringBuilder().Append(name).Append('|').Append(siteRoot);
        foreach (var view in events)
        {
            var e = view.Event;
            text.Append('|').Append(e.Id).Append(':').Append(e.UpdatedAtUtc.Ticks).Append(':').Append(e.Sequence).Append(':').Append(e.IsCancelled)
                .Append(':').Append(e.StartUtc.Ticks).Append(':').Append(e.EndUtc.Ticks).Append(':').Append(e.Title)
                .Append(':').AppendJoin(',', view.OrganiserIds.Select(id => networks.GetValueOrDefault(id, "?")));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
    }
}
