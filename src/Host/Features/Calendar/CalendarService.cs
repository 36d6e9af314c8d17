using System.Linq.Expressions;
using Platform.Host.Web;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Members;
using Platform.Abstractions.Notifications;
using Platform.Host.Data;

namespace Platform.Host.Features.Calendar;

/// <summary>Filters of the agenda page.</summary>
public sealed record EventQuery(DateTime FromUtc, DateTime? ToUtc = null, int? NetworkId = null, EventType? Type = null, int Skip = 0, int Take = 20);

public enum SaveResult
{
    Saved,
    NotFound,
    Invalid,
}

/// <summary>
/// The agenda's events: what pages, feeds and plugins (<see cref="ICalendarService"/>) call.
/// Every change goes through <see cref="DatabaseWriter"/>; notifications are sent after the commit.
/// </summary>
public sealed class CalendarService(
    PlatformDbContext db,
    DatabaseWriter writer,
    INotificationService notifications,
    TimeProvider time) : ICalendarService
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static readonly Expression<Func<AgendaEvent, AgendaEventView>> ToView = e => new AgendaEventView(
        e,
        e.Organisers.Select(o => o.NetworkId).ToList(),
        e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => (int?)r.Seats) ?? 0,
        e.Registrations.Where(r => r.Status == RegistrationStatus.Waitlisted).Sum(r => (int?)r.Seats) ?? 0);

    // The event page reads one event on every view: compiled once, so EF does not hash the projection's
    // expression tree to find its cached query on each request (bench: a fifth of the event page's CPU).
    private static readonly Func<PlatformDbContext, int, CancellationToken, Task<AgendaEventView?>> ViewById =
        EF.CompileAsyncQuery((PlatformDbContext context, int id, CancellationToken _) =>
            context.AgendaEvents.AsNoTracking().Where(e => e.Id == id).Select(ToView).FirstOrDefault());

    public static IQueryable<AgendaEventView> Project(IQueryable<AgendaEvent> events) => events.Select(ToView);

    public Task<AgendaEventView?> FindViewAsync(int id, CancellationToken cancellationToken = default) =>
        ViewById(db, id, cancellationToken);

    /// <summary>One page of events (plus one, to tell whether there is more), earliest first, as their pages and plugins read them.</summary>
    public async Task<IReadOnlyList<AgendaEventView>> SearchAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        await RunAsync(SearchViews, query, cancellationToken);

    /// <summary>The same events as <see cref="SearchAsync"/>, as the agenda's list and month show them.</summary>
    public async Task<IReadOnlyList<AgendaListItem>> ListItemsAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        await RunAsync(SearchListItems, query, cancellationToken);

    private static readonly Expression<Func<AgendaEvent, AgendaListItem>> ToListItem = e => new AgendaListItem(
        e.Id,
        e.Title,
        e.Type,
        e.StartUtc,
        e.EndUtc,
        e.Place,
        e.CancelledAtUtc != null,
        e.RegistrationClosed,
        e.Capacity,
        e.RegistrationUrl != null,
        e.Organisers.Select(o => o.NetworkId).ToList(),
        e.Registrations.Where(r => r.Status == RegistrationStatus.Confirmed).Sum(r => (int?)r.Seats) ?? 0);

    private static readonly Func<PlatformDbContext, DateTime, DateTime, DateTime?, int?, EventType?, int, int, IAsyncEnumerable<AgendaEventView>> SearchViews =
        CompileSearch(ToView);

    private static readonly Func<PlatformDbContext, DateTime, DateTime, DateTime?, int?, EventType?, int, int, IAsyncEnumerable<AgendaListItem>> SearchListItems =
        CompileSearch(ToListItem);

    /// <summary>
    /// The agenda's search (its pages, its feeds, plugins), compiled once for each projection: the agenda
    /// and the feeds are read all day, and EF otherwise hashes the query's expression tree to find its
    /// cached SQL on every read (bench: a twentieth of the agenda's CPU). A filter left empty (null) drops
    /// out of the SQL: EF writes one command for each combination of them. AgendaSearchTests checks every
    /// combination against the rule applied in memory to all the events.
    /// </summary>
    /// <remarks>
    /// The events are those ending after <c>fromUtc</c>; the bound on the start (no event lasts more than
    /// <see cref="AgendaEvent.MaxDuration"/>) lets SQLite seek in the start index instead of walking every
    /// past event before the first that has not ended. A network's events are found from the organisers'
    /// network index (<c>Id IN (…)</c>): an <c>EXISTS</c> per event would walk every event to come (28 ms
    /// against 0.4 ms at 20 000 events).
    /// </remarks>
    private static Func<PlatformDbContext, DateTime, DateTime, DateTime?, int?, EventType?, int, int, IAsyncEnumerable<T>> CompileSearch<T>(
        Expression<Func<AgendaEvent, T>> projection) =>
        EF.CompileAsyncQuery((PlatformDbContext context, DateTime startedAfter, DateTime fromUtc, DateTime? toUtc, int? networkId, EventType? type, int skip, int take) =>
            context.AgendaEvents.AsNoTracking()
                .Where(e => e.StartUtc > startedAfter && e.EndUtc > fromUtc)
                .Where(e => toUtc == null || e.StartUtc < toUtc)
                .Where(e => networkId == null || context.Set<AgendaEventOrganiser>().Where(o => o.NetworkId == networkId).Select(o => o.EventId).Contains(e.Id))
                .Where(e => type == null || e.Type == type)
                .OrderBy(e => e.StartUtc).ThenBy(e => e.Id).Skip(skip).Take(take)
                .Select(projection));

    private async Task<IReadOnlyList<T>> RunAsync<T>(
        Func<PlatformDbContext, DateTime, DateTime, DateTime?, int?, EventType?, int, int, IAsyncEnumerable<T>> search, EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var results = new List<T>();
        await foreach (var item in search(db, query.FromUtc - AgendaEvent.MaxDuration, query.FromUtc, query.ToUtc, query.NetworkId, query.Type, query.Skip, query.Take)
            .WithCancellation(cancellationToken))
        {
            results.Add(item);
        }

        return results;
    }

    /// <summary>Where a public or network feed starts: 90 days back, so cancellations still reach subscribers.</summary>
    public DateTime FeedFromUtc() => Now.AddDays(-90);

    /// <summary>The most events a feed holds.</summary>
    public const int FeedSize = 1000;

    /// <summary>Events of a public or network feed: those not ended by <paramref name="fromUtc"/>, at most <see cref="FeedSize"/>.</summary>
    public Task<IReadOnlyList<AgendaEventView>> FeedAsync(int? networkId, DateTime fromUtc, CancellationToken cancellationToken = default) =>
        SearchAsync(new EventQuery(fromUtc, NetworkId: networkId, Take: FeedSize), cancellationToken);

    /// <summary>
    /// The agenda's version (<see cref="AgendaVersion"/>): it moves with every change to an event, its
    /// organisers, a network's name or a registration, whoever makes it. The feeds, the agenda's list and
    /// the events of their pages are kept under it.
    /// </summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken = default) =>
        await VersionOf(db, cancellationToken);

    // Feeds are polled all day by members' calendars: one row read by its key, through a compiled query.
    private static readonly Func<PlatformDbContext, CancellationToken, Task<long>> VersionOf =
        EF.CompileAsyncQuery((PlatformDbContext context, CancellationToken _) =>
            context.AgendaVersions.Where(v => v.Id == 1).Select(v => v.Version).FirstOrDefault());

    /// <summary>Creates an event (<paramref name="id"/> null) or edits one the member animates.</summary>
    public async Task<(SaveResult Result, int Id, IReadOnlyList<(string Field, string Message)> Errors)> SaveAsync(
        int? id, EventDraft draft, ICurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(member);
        var errors = draft.Validate().ToList();
        if (errors.Count > 0)
        {
            return (SaveResult.Invalid, id ?? 0, errors);
        }

        var now = Now;
        var outcome = await writer.ExecuteAsync(async (tx, token) =>
        {
            AgendaEvent? agendaEvent;
            if (id is { } existingId)
            {
                agendaEvent = await tx.AgendaEvents.Include(e => e.Organisers)
                    .Include(e => e.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled))
                    .FirstOrDefaultAsync(e => e.Id == existingId, token);
                if (agendaEvent is null || !agendaEvent.IsAnimatedBy(member))
                {
                    return (SaveResult.NotFound, 0, (IReadOnlyList<Registration>)[], (IReadOnlyList<(string, string)>)[]);
                }
            }
            else
            {
                agendaEvent = new AgendaEvent { Uid = AgendaEvent.NewUid(), Title = "", CreatedAtUtc = now };
                tx.AgendaEvents.Add(agendaEvent);
            }

            // Networks the member may add: those they animate. Organisers already there may stay.
            var current = agendaEvent.Organisers.Select(o => o.NetworkId).ToHashSet();
            var added = draft.OrganiserNetworkIds.Where(n => !current.Contains(n)).ToList();
            var known = await tx.Networks.Where(n => added.Contains(n.Id)).Select(n => n.Id).ToListAsync(token);
            if (added.Any(n => !known.Contains(n) || !member.IsAnimatorOf(n)))
            {
                return (SaveResult.Invalid, 0, [], [(nameof(EventDraft.OrganiserNetworkIds), "Vous ne pouvez choisir que des réseaux que vous animez.")]);
            }

            if (!draft.OrganiserNetworkIds.Any(member.IsAnimatorOf))
            {
                return (SaveResult.Invalid, 0, [], [(nameof(EventDraft.OrganiserNetworkIds), "Gardez au moins un réseau que vous animez parmi les organisateurs.")]);
            }

            draft.ApplyTo(agendaEvent);
            agendaEvent.Touch(now);
            var promoted = agendaEvent.PromoteWaitlist(now);
            await tx.SaveChangesAsync(token);
            return (SaveResult.Saved, agendaEvent.Id, promoted, []);
        }, cancellationToken);

        await NotifyPromotedAsync(outcome.Item3, cancellationToken);
        return (outcome.Item1, outcome.Item2, outcome.Item4);
    }

    /// <summary>Cancels an event the member animates, and tells its registrants.</summary>
    public async Task<bool> CancelEventAsync(int id, ICurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var now = Now;
        var cancelled = await writer.ExecuteAsync(async (tx, token) =>
        {
            var agendaEvent = await tx.AgendaEvents.Include(e => e.Organisers).FirstOrDefaultAsync(e => e.Id == id, token);
            if (agendaEvent is null || !agendaEvent.IsAnimatedBy(member))
            {
                return null;
            }

            agendaEvent.Cancel(now);
            await tx.SaveChangesAsync(token);
            return agendaEvent;
        }, cancellationToken);

        if (cancelled is null)
        {
            return false;
        }

        await NotifyCancelledAsync(cancelled, cancellationToken);
        return true;
    }

    public async Task<EventInfo> PublishAsync(PublishEventRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Source) || request.Source.Length > 100 || string.IsNullOrWhiteSpace(request.ExternalKey) || request.ExternalKey.Length > 100)
        {
            throw new ArgumentException("La source et la clé de l'événement sont obligatoires (100 caractères au plus).", nameof(request));
        }

        var draft = new EventDraft(
            request.Title ?? "", request.Type, AsUtc(request.StartUtc), AsUtc(request.EndUtc), request.Place, request.Description, request.Programme,
            request.Capacity, request.RegistrationDeadlineUtc is { } d ? AsUtc(d) : null, request.Audience, request.OrganiserNetworkIds ?? []);
        if (draft.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(request));
        }

        if (AgendaEvent.RegistrationUrlError(request.RegistrationUrl) is { } urlError)
        {
            throw new ArgumentException(urlError, nameof(request));
        }

        var now = Now;
        var (id, promoted) = await writer.ExecuteAsync(async (tx, token) =>
        {
            var networkIds = draft.OrganiserNetworkIds.Distinct().ToList();
            if (await tx.Networks.CountAsync(n => networkIds.Contains(n.Id), token) != networkIds.Count)
            {
                throw new ArgumentException("Un des réseaux organisateurs n'existe pas.", nameof(request));
            }

            var agendaEvent = await tx.AgendaEvents.Include(e => e.Organisers)
                .Include(e => e.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled))
                .FirstOrDefaultAsync(e => e.Source == request.Source && e.ExternalKey == request.ExternalKey, token);
            if (agendaEvent is null)
            {
                agendaEvent = new AgendaEvent { Uid = AgendaEvent.NewUid(), Title = "", CreatedAtUtc = now, Source = request.Source, ExternalKey = request.ExternalKey };
                tx.AgendaEvents.Add(agendaEvent);
            }

            agendaEvent.CancelledAtUtc = null;
            agendaEvent.RegistrationUrl = request.RegistrationUrl;
            draft.ApplyTo(agendaEvent);
            agendaEvent.Touch(now);
            var promotedRegistrations = agendaEvent.PromoteWaitlist(now);
            await tx.SaveChangesAsync(token);
            return (agendaEvent.Id, promotedRegistrations);
        }, cancellationToken);

        await NotifyPromotedAsync(promoted, cancellationToken);
        return (await FindAsync(id, cancellationToken))!;
    }

    public async Task<bool> CancelPublishedAsync(string source, string externalKey, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var cancelled = await writer.ExecuteAsync(async (tx, token) =>
        {
            var agendaEvent = await tx.AgendaEvents.FirstOrDefaultAsync(e => e.Source == source && e.ExternalKey == externalKey, token);
            if (agendaEvent is null)
            {
                return (false, null);
            }

            var changed = agendaEvent.Cancel(now);
            await tx.SaveChangesAsync(token);
            return (true, changed ? agendaEvent : null);
        }, cancellationToken);

        if (cancelled.Item2 is { } agendaEventCancelled)
        {
            await NotifyCancelledAsync(agendaEventCancelled, cancellationToken);
        }

        return cancelled.Item1;
    }

    public async Task<EventInfo?> FindAsync(int eventId, CancellationToken cancellationToken = default) =>
        (await FindViewAsync(eventId, cancellationToken))?.ToInfo(Now);

    public async Task<IReadOnlyList<EventInfo>> ListAsync(DateTime fromUtc, int? networkId = null, int take = 50, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var views = await SearchAsync(new EventQuery(AsUtc(fromUtc), NetworkId: networkId, Take: Math.Clamp(take, 1, 500)), cancellationToken);
        return views.Select(v => v.ToInfo(now)).ToList();
    }

    internal async Task NotifyPromotedAsync(IReadOnlyList<Registration> promoted, CancellationToken cancellationToken)
    {
        if (promoted.Count == 0)
        {
            return;
        }

        var eventId = promoted[0].EventId;
        var agendaEvent = await db.AgendaEvents.AsNoTracking().FirstAsync(e => e.Id == eventId, cancellationToken);
        foreach (var registration in promoted)
        {
            await notifications.NotifyAsync(new Notification(
                registration.UserId,
                $"Place confirmée : {agendaEvent.Title}",
                string.Create(ParisTime.French, $"Une place s'est libérée : votre inscription à « {agendaEvent.Title} » du {ParisTime.FromUtc(agendaEvent.StartUtc):dddd d MMMM yyyy 'à' HH'h'mm} est confirmée."),
                $"/agenda/{agendaEvent.Id}",
                SendMail: true), cancellationToken);
        }
    }

    private async Task NotifyCancelledAsync(AgendaEvent agendaEvent, CancellationToken cancellationToken)
    {
        var userIds = await db.AgendaRegistrations.AsNoTracking()
            .Where(r => r.EventId == agendaEvent.Id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => r.UserId).Distinct().ToListAsync(cancellationToken);
        foreach (var userId in userIds)
        {
            await notifications.NotifyAsync(new Notification(
                userId,
                $"Événement annulé : {agendaEvent.Title}",
                string.Create(ParisTime.French, $"L'événement « {agendaEvent.Title} » prévu le {ParisTime.FromUtc(agendaEvent.StartUtc):dddd d MMMM yyyy} est annulé."),
                $"/agenda/{agendaEvent.Id}",
                SendMail: true), cancellationToken);
        }
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
