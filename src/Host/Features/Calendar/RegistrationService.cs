using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Export;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Web;

namespace Platform.Host.Features.Calendar;

/// <summary>A row of an event's attendee list, for its animators.</summary>
public sealed record Attendee(long RegistrationId, string Name, string? Email, string? Company, int Seats, RegistrationStatus Status, DateTime CreatedAtUtc);

/// <summary>A member's registration and, on the waitlist, their position (1 = next to be promoted).</summary>
public sealed record MyRegistration(Registration Registration, int? WaitlistPosition);

/// <summary>
/// Registrations: register (with colleagues), cancel, close, list. Every seat-changing operation is
/// one <see cref="DatabaseWriter"/> transaction opened before the seats are counted, so concurrent
/// registrations never confirm more seats than the capacity.
/// </summary>
public sealed class RegistrationService(PlatformDbContext db, DatabaseWriter writer, CalendarService calendar, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Why the member cannot register to this event (French), or <see langword="null"/> when they can.</summary>
    public async Task<string?> IneligibilityAsync(AgendaEventView view, ICurrentMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(member);
        if (!member.IsAuthenticated)
        {
            return "Connectez-vous pour vous inscrire.";
        }

        if (member.CompanyId is not { } companyId)
        {
            return "L'inscription est réservée aux adhérents rattachés à une entreprise.";
        }

        return await IsInAudienceAsync(db, view.Event.Audience, view.OrganiserIds, companyId, cancellationToken)
            ? null
            : "Cet événement est réservé aux adhérents des réseaux organisateurs.";
    }

    public async Task<RegistrationOutcome> RegisterAsync(int eventId, ICurrentMember member, int seats, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.UserId is not { } userId || member.CompanyId is not { } companyId)
        {
            return new(RegistrationResult.NotEligible, null);
        }

        var now = Now;
        return await writer.ExecuteAsync(async (tx, token) =>
        {
            var agendaEvent = await tx.AgendaEvents.Include(e => e.Organisers)
                .Include(e => e.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled))
                .FirstOrDefaultAsync(e => e.Id == eventId, token);
            if (agendaEvent is null)
            {
                return new RegistrationOutcome(RegistrationResult.NotFound, null);
            }

            if (!await IsInAudienceAsync(tx, agendaEvent.Audience, agendaEvent.Organisers.Select(o => o.NetworkId).ToList(), companyId, token))
            {
                return new RegistrationOutcome(RegistrationResult.NotEligible, null);
            }

            var outcome = agendaEvent.Register(userId, companyId, seats, now);
            await tx.SaveChangesAsync(token);
            return outcome;
        }, cancellationToken);
    }

    /// <summary>Cancels the user's live registration; the freed seats go to the waitlist, whose promoted members are notified.</summary>
    public async Task<bool> CancelAsync(int eventId, string userId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var (found, promoted) = await writer.ExecuteAsync(async (tx, token) =>
        {
            var agendaEvent = await tx.AgendaEvents
                .Include(e => e.Registrations.Where(r => r.Status != RegistrationStatus.Cancelled))
                .FirstOrDefaultAsync(e => e.Id == eventId, token);
            var registration = agendaEvent?.Registrations.FirstOrDefault(r => r.UserId == userId);
            if (agendaEvent is null || registration is null)
            {
                return (false, (IReadOnlyList<Registration>)[]);
            }

            var promotedRegistrations = agendaEvent.CancelRegistration(registration, now);
            await tx.SaveChangesAsync(token);
            return (true, promotedRegistrations);
        }, cancellationToken);

        await calendar.NotifyPromotedAsync(promoted, cancellationToken);
        return found;
    }

    /// <summary>Closes (or reopens) registrations of an event the member animates; false when it is not theirs.</summary>
    public Task<bool> SetClosedAsync(int eventId, ICurrentMember member, bool closed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        return writer.ExecuteAsync(async (tx, token) =>
        {
            var agendaEvent = await tx.AgendaEvents.Include(e => e.Organisers).FirstOrDefaultAsync(e => e.Id == eventId, token);
            if (agendaEvent is null || !agendaEvent.IsAnimatedBy(member))
            {
                return false;
            }

            agendaEvent.RegistrationClosed = closed;
            await tx.SaveChangesAsync(token);
            return true;
        }, cancellationToken);
    }

    public async Task<MyRegistration?> FindMineAsync(int eventId, string? userId, CancellationToken cancellationToken = default)
    {
        if (userId is null)
        {
            return null;
        }

        var registration = await db.AgendaRegistrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId && r.Status != RegistrationStatus.Cancelled, cancellationToken);
        if (registration is null)
        {
            return null;
        }

        int? position = registration.Status == RegistrationStatus.Waitlisted
            ? await db.AgendaRegistrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Waitlisted && r.Id <= registration.Id, cancellationToken)
            : null;
        return new MyRegistration(registration, position);
    }

    /// <summary>The user's live registrations with their events, earliest event first.</summary>
    public async Task<IReadOnlyList<(Registration Registration, AgendaEventView Event)>> ListMineAsync(string userId, DateTime fromUtc, CancellationToken cancellationToken = default)
    {
        var registrations = await db.AgendaRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled && r.Event!.EndUtc > fromUtc)
            .ToListAsync(cancellationToken);
        var ids = registrations.Select(r => r.EventId).ToList();
        var events = await CalendarService.Project(db.AgendaEvents.AsNoTracking().Where(e => ids.Contains(e.Id))).ToListAsync(cancellationToken);
        return registrations.Join(events, r => r.EventId, e => e.Id, (r, e) => (r, e)).OrderBy(p => p.e.Event.StartUtc).ToList();
    }

    /// <summary>Live registrations, confirmed first then the waitlist, each in arrival order.</summary>
    public async Task<IReadOnlyList<Attendee>> AttendeesAsync(int eventId, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from r in db.AgendaRegistrations.AsNoTracking()
            where r.EventId == eventId && r.Status != RegistrationStatus.Cancelled
            join u in db.Users on r.UserId equals u.Id
            join c in db.Companies on r.CompanyId equals c.Id into companies
            from c in companies.DefaultIfEmpty()
            select new Attendee(r.Id, u.DisplayName, u.Email, c == null ? null : c.Name, r.Seats, r.Status, r.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.Status).ThenBy(a => a.RegistrationId).ToList();
    }

    /// <summary>The attendee list as a CSV file Excel (French) opens as is: UTF-8 with BOM, ';' separators, CRLF.</summary>
    public static byte[] ToCsv(IReadOnlyList<Attendee> attendees)
    {
        ArgumentNullException.ThrowIfNull(attendees);
        var csv = new StringBuilder();
        csv.Append("Nom;E-mail;Entreprise;Places;Statut;Inscrit le\r\n");
        foreach (var a in attendees)
        {
            csv.Append(string.Join(';',
                ExcelCsv.Cell(a.Name), ExcelCsv.Cell(a.Email), ExcelCsv.Cell(a.Company), a.Seats.ToString(CultureInfo.InvariantCulture), ExcelCsv.Cell(a.Status.ToFrench()),
                ExcelCsv.Cell(ParisTime.FromUtc(a.CreatedAtUtc).ToString("dd/MM/yyyy HH:mm", ParisTime.French))));
            csv.Append("\r\n");
        }

        return ExcelCsv.Encode(csv);
    }


    private static async Task<bool> IsInAudienceAsync(PlatformDbContext context, EventAudience audience, IReadOnlyList<int> organiserIds, int companyId, CancellationToken cancellationToken) =>
        audience == EventAudience.AllMembers
        || await context.CompanyMemberships.AnyAsync(m => m.CompanyId == companyId && organiserIds.Contains(m.NetworkId), cancellationToken);
}
