using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
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

    private static async Task<IResult> IcsAsync(HttpContext http, INetworkDirectory directory, string name, IReadOnlyList<AgendaEventView> events)
    {
        var networks = (await directory.ListAsync(http.RequestAborted)).ToDictionary(n => n.Id, n => n.Name);
        var siteRoot = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var ics = IcsWriter.Write(name, events, siteRoot, id => networks.GetValueOrDefault(id, "?"));
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(Encoding.UTF8.GetBytes(ics), IcsWriter.ContentType);
    }
}
