using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
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
            await IcsAsync(http, directory, "Agenda Interclustering 47", await calendar.FeedAsync(null, http.RequestAborted)));

        // {network} is resolved (or answered 404) by CurrentNetworkMiddleware.
        app.MapGet("/c/{network}/agenda.ics", async (HttpContext http, ICurrentNetwork current, CalendarService calendar, INetworkDirectory directory) =>
            await IcsAsync(http, directory, $"Agenda {current.Required.Name}", await calendar.FeedAsync(current.Required.Id, http.RequestAborted)));

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
    /// Writes a feed. Serialising is most of a feed's cost and calendar clients poll the same feeds again
    /// and again, so the bytes are kept under a fingerprint of everything they are made of (each event's
    /// id, last change, sequence, dates, title and organisers, the networks' names, the feed's name and the
    /// site's address; every edit of an event moves its last change): a change to any of them makes a new
    /// fingerprint. The fingerprint is also the ETag, so an
    /// unchanged feed answers 304 without a body.
    /// </summary>
    private static async Task<IResult> IcsAsync(HttpContext http, INetworkDirectory directory, string name, IReadOnlyList<AgendaEventView> events)
    {
        var networks = (await directory.ListAsync(http.RequestAborted)).ToDictionary(n => n.Id, n => n.Name);
        var siteRoot = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var fingerprint = Fingerprint(name, siteRoot, events, networks);
        var etag = $"\"{fingerprint}\"";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var cache = http.RequestServices.GetRequiredService<IMemoryCache>();
        var bytes = cache.GetOrCreate(("agenda.ics", fingerprint), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return Encoding.UTF8.GetBytes(IcsWriter.Write(name, events, siteRoot, id => networks.GetValueOrDefault(id, "?")));
        })!;
        return Results.Bytes(bytes, IcsWriter.ContentType);
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
