using Microsoft.EntityFrameworkCore;
using Platform.Plugins.Formation.Data;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation;

/// <summary>
/// What the pages call: reads scoped to a network's programmes, and every change through
/// <see cref="FormationWriter"/>. Permission checks are the pages' (see <see cref="FormationAccess"/>);
/// the rules are the model's.
/// </summary>
public sealed class ProgrammeService(FormationDbContext db, FormationWriter writer, SessionAgenda agenda, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<Programme>> ListForNetworkAsync(int networkId, CancellationToken cancellationToken = default) =>
        await db.Programmes.AsNoTracking().Include(p => p.Partners)
            .Where(p => p.CarrierNetworkId == networkId || p.Partners.Any(x => x.NetworkId == networkId))
            .OrderByDescending(p => p.CreatedAtUtc).ToListAsync(cancellationToken);

    /// <summary>The programme, when the network carries or joined it; otherwise <see langword="null"/> (the page answers 404).</summary>
    public async Task<Programme?> FindAsync(int programmeId, int networkId, CancellationToken cancellationToken = default)
    {
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Partners).Include(p => p.Themes)
            .FirstOrDefaultAsync(p => p.Id == programmeId, cancellationToken);
        return programme is not null && programme.Involves(networkId) ? programme : null;
    }

    public async Task<Programme> CreateAsync(ProgrammeDraft draft, int carrierNetworkId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await writer.WriteAsync((tx, _) =>
        {
            var programme = new Programme
            {
                CarrierNetworkId = carrierNetworkId,
                Title = draft.Title,
                Description = draft.Description,
                BudgetCents = draft.BudgetCents,
                TargetTrainees = draft.TargetTrainees,
                CreatedAtUtc = Now,
            };
            programme.Partners.AddRange(draft.PartnerNetworkIds.Where(id => id != carrierNetworkId).Distinct().Select(id => new ProgrammePartner { NetworkId = id }));
            programme.Themes.AddRange(draft.Themes.Distinct(StringComparer.OrdinalIgnoreCase).Select(name => new Theme { Name = name }));
            tx.Programmes.Add(programme);
            return Task.FromResult(programme);
        }, cancellationToken);
    }

    public Task<string?> AdvanceAsync(int programmeId, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(async (tx, ct) =>
        {
            var programme = await tx.Programmes.FirstAsync(p => p.Id == programmeId, ct);
            var now = Now;
            var sessions = await tx.Sessions.Where(s => s.ProgrammeId == programmeId && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.Confirmed || s.Status == SessionStatus.Held))
                .Select(s => new { s.Status, s.StartUtc }).ToListAsync(ct);
            var progress = new ProgrammeProgress(
                await tx.NeedResponses.CountAsync(r => r.ProgrammeId == programmeId, ct),
                await tx.Modules.CountAsync(m => m.ProgrammeId == programmeId, ct),
                sessions.Count(s => s.Status == SessionStatus.Held),
                sessions.Count(s => s.Status != SessionStatus.Held));
            return programme.Advance(progress);
        }, cancellationToken);

    // Needs

    public Task<NeedResponse?> FindNeedsAsync(int programmeId, int companyId, CancellationToken cancellationToken = default) =>
        db.NeedResponses.AsNoTracking().Include(r => r.Themes).FirstOrDefaultAsync(r => r.ProgrammeId == programmeId && r.CompanyId == companyId, cancellationToken);

    /// <summary>Records (or replaces) a company's answer; refused once the needs collection is over.</summary>
    public Task<string?> AnswerNeedsAsync(int programmeId, NeedsAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return writer.WriteAsync<string?>(async (tx, ct) =>
        {
            var programme = await tx.Programmes.Include(p => p.Themes).FirstAsync(p => p.Id == programmeId, ct);
            if (programme.Phase != ProgrammePhase.NeedsCollection)
            {
                return "Le recueil des besoins de ce programme est clos.";
            }

            var themeIds = answer.ThemeIds.Distinct().ToList();
            if (themeIds.Count == 0 || themeIds.Any(id => programme.Themes.All(t => t.Id != id)))
            {
                return "Cochez au moins un thème de la liste.";
            }

            var response = await tx.NeedResponses.Include(r => r.Themes).FirstOrDefaultAsync(r => r.ProgrammeId == programmeId && r.CompanyId == answer.CompanyId, ct);
            if (response is null)
            {
                response = new NeedResponse { ProgrammeId = programmeId, CompanyId = answer.CompanyId, AnsweredByUserId = answer.UserId };
                tx.NeedResponses.Add(response);
            }

            response.NetworkId = answer.NetworkId;
            response.Employees = answer.Employees;
            response.PreferredPeriod = answer.PreferredPeriod;
            response.Comment = answer.Comment;
            response.AnsweredByUserId = answer.UserId;
            response.AnsweredAtUtc = Now;
            response.Themes.Clear();
            response.Themes.AddRange(themeIds.Select(id => new NeedResponseTheme { ThemeId = id }));
            return null;
        }, cancellationToken);
    }

    /// <summary>Needs per theme and network: companies that ticked the theme, and the employees they would send.</summary>
    public async Task<IReadOnlyList<NeedsCell>> NeedsSummaryAsync(int programmeId, CancellationToken cancellationToken = default)
    {
        var rows = await (
            from response in db.NeedResponses.AsNoTracking()
            where response.ProgrammeId == programmeId
            from theme in response.Themes
            select new { theme.ThemeId, response.NetworkId, response.Employees }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.ThemeId, r.NetworkId)).Select(g => new NeedsCell(g.Key.ThemeId, g.Key.NetworkId, g.Count(), g.Sum(r => r.Employees)))];
    }

    public Task<int> NeedResponseCountAsync(int programmeId, CancellationToken cancellationToken = default) =>
        db.NeedResponses.CountAsync(r => r.ProgrammeId == programmeId, cancellationToken);

    // Specifications and modules

    public async Task<IReadOnlyList<Specification>> SpecificationsAsync(int programmeId, CancellationToken cancellationToken = default) =>
        await db.Specifications.AsNoTracking().Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TrainingModule>> ModulesAsync(int programmeId, CancellationToken cancellationToken = default) =>
        await db.Modules.AsNoTracking().Where(m => m.ProgrammeId == programmeId).OrderBy(m => m.SpecificationId).ThenBy(m => m.Title).ToListAsync(cancellationToken);

    public Task<string?> AddSpecificationAsync(int programmeId, string title, string? description, IReadOnlyCollection<int> themeIds, CancellationToken cancellationToken = default) =>
        writer.WriteAsync<string?>(async (tx, ct) =>
        {
            var programme = await tx.Programmes.Include(p => p.Themes).FirstAsync(p => p.Id == programmeId, ct);
            if (programme.Phase is not (ProgrammePhase.Specification or ProgrammePhase.Sessions))
            {
                return programme.Phase == ProgrammePhase.NeedsCollection
                    ? "Clôturez d'abord le recueil des besoins."
                    : "L'action est clôturée.";
            }

            var specification = new Specification { ProgrammeId = programmeId, Title = title, Description = description };
            tx.Specifications.Add(specification);
            await tx.SaveChangesAsync(ct);
            foreach (var theme in programme.Themes.Where(t => themeIds.Contains(t.Id)))
            {
                theme.SpecificationId = specification.Id;
            }

            return null;
        }, cancellationToken);

    public Task<string?> AddModuleAsync(int programmeId, TrainingModule module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        return writer.WriteAsync<string?>(async (tx, ct) =>
        {
            var programme = await tx.Programmes.Include(p => p.Themes).FirstAsync(p => p.Id == programmeId, ct);
            if (programme.Phase is not (ProgrammePhase.Specification or ProgrammePhase.Sessions))
            {
                return programme.Phase == ProgrammePhase.NeedsCollection
                    ? "Clôturez d'abord le recueil des besoins."
                    : "L'action est clôturée.";
            }

            if (!await tx.Specifications.AnyAsync(s => s.Id == module.SpecificationId && s.ProgrammeId == programmeId, ct))
            {
                return "Choisissez un cahier des charges de ce programme.";
            }

            if (module.ThemeId is { } themeId && programme.Themes.All(t => t.Id != themeId))
            {
                return "Choisissez un thème de ce programme.";
            }

            module.ProgrammeId = programmeId;
            tx.Modules.Add(module);
            return null;
        }, cancellationToken);
    }

    // Sessions

    public async Task<IReadOnlyList<TrainingSession>> SessionsAsync(int programmeId, CancellationToken cancellationToken = default) =>
        await db.Sessions.AsNoTracking().AsSplitQuery().Include(s => s.Module).Include(s => s.Quotas).Include(s => s.Enrolments)
            .Where(s => s.ProgrammeId == programmeId).OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);

    public Task<TrainingSession?> FindSessionAsync(int sessionId, CancellationToken cancellationToken = default) =>
        db.Sessions.AsNoTracking().AsSplitQuery().Include(s => s.Module).Include(s => s.Quotas).Include(s => s.Enrolments)
            .FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>The live sessions of the same module, not started, that a session could be merged into.</summary>
    public async Task<IReadOnlyList<TrainingSession>> MergeTargetsAsync(TrainingSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var now = Now;
        return await db.Sessions.AsNoTracking().Include(s => s.Enrolments)
            .Where(s => s.ProgrammeId == session.ProgrammeId && s.ModuleId == session.ModuleId && s.Id != session.Id
                && (s.Status == SessionStatus.Planned || s.Status == SessionStatus.Confirmed) && s.StartUtc > now)
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Plans a session of a module. Refused when the programme is not at the sessions phase, when the
    /// quotas go to networks outside the programme or exceed the seats, and when its cost would take
    /// the commitments past the budget envelope.
    /// </summary>
    public async Task<SessionPlanResult> PlanSessionAsync(int programmeId, SessionDraft draft, string carrierSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var result = await writer.WriteAsync(async (tx, ct) =>
        {
            var programme = await tx.Programmes.Include(p => p.Partners).FirstAsync(p => p.Id == programmeId, ct);
            if (programme.Phase != ProgrammePhase.Sessions)
            {
                return SessionPlanResult.Refused("Les sessions se planifient à l'étape « Sessions et inscriptions ».");
            }

            var module = await tx.Modules.FirstOrDefaultAsync(m => m.Id == draft.ModuleId && m.ProgrammeId == programmeId, ct);
            if (module is null)
            {
                return SessionPlanResult.Refused("Choisissez un module de ce programme.");
            }

            var refusal = TrainingSession.ValidateDates(draft.StartUtc, draft.EndUtc, draft.ReleaseAtUtc, draft.GoNoGoAtUtc, Now)
                ?? (draft.Seats < 1 || draft.Seats > module.MaxParticipants ? $"Le nombre de places va de 1 à {module.MaxParticipants} (maximum du module)." : null)
                ?? (draft.Quotas.Any(q => q.Value < 0) ? "Une réservation ne peut pas être négative." : null)
                ?? (draft.Quotas.Keys.Any(id => !programme.Involves(id)) ? "Les places ne peuvent être réservées qu'aux réseaux du programme." : null)
                ?? (draft.Quotas.Values.Sum(v => (long)v) > draft.Seats ? $"Les places réservées ({draft.Quotas.Values.Sum(v => (long)v)}) dépassent les places de la session ({draft.Seats})." : null);
            if (refusal is not null)
            {
                return SessionPlanResult.Refused(refusal);
            }

            var committed = await tx.Sessions.Where(s => s.ProgrammeId == programmeId && s.Status != SessionStatus.Cancelled).SumAsync(s => s.CostCents, ct);
            if (committed + module.SessionCostCents > programme.BudgetCents)
            {
                return SessionPlanResult.Refused(
                    $"Budget dépassé : cette session ({FormationFormat.Euros(module.SessionCostCents)}) porterait les engagements à {FormationFormat.Euros(committed + module.SessionCostCents)}, " +
                    $"au-delà de l'enveloppe de {FormationFormat.Euros(programme.BudgetCents)} (reste {FormationFormat.Euros(programme.BudgetCents - committed)}).");
            }

            var session = new TrainingSession
            {
                ProgrammeId = programmeId,
                ModuleId = module.Id,
                Module = module,
                StartUtc = draft.StartUtc,
                EndUtc = draft.EndUtc,
                Place = draft.Place,
                Seats = draft.Seats,
                ReleaseAtUtc = draft.ReleaseAtUtc,
                GoNoGoAtUtc = draft.GoNoGoAtUtc,
                CostCents = module.SessionCostCents,
            };
            session.Quotas.AddRange(draft.Quotas.Where(q => q.Value > 0).Select(q => new SessionQuota { NetworkId = q.Key, Seats = q.Value }));
            tx.Sessions.Add(session);
            return SessionPlanResult.Planned(session, [.. programme.NetworkIds]);
        }, cancellationToken);

        if (result.Session is { } planned)
        {
            await agenda.PublishAsync(planned, result.NetworkIds, carrierSlug, cancellationToken);
        }

        return result;
    }

    public Task<EnrolmentOutcome> EnrolAsync(int sessionId, int companyId, int networkId, string traineeName, string userId, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(async (tx, ct) =>
        {
            var session = await LoadForWriteAsync(tx, sessionId, ct);
            return session.Enrol(companyId, networkId, traineeName, userId, Now);
        }, cancellationToken);

    /// <summary>Withdraws a trainee of the company before the session starts.</summary>
    public Task<string?> WithdrawAsync(int sessionId, int enrolmentId, int companyId, CancellationToken cancellationToken = default) =>
        writer.WriteAsync<string?>(async (tx, ct) =>
        {
            var session = await LoadForWriteAsync(tx, sessionId, ct);
            var enrolment = session.Enrolments.FirstOrDefault(e => e.Id == enrolmentId && e.CompanyId == companyId);
            if (enrolment is null)
            {
                return "Cette inscription n'existe plus.";
            }

            if (!session.IsLive || Now >= session.StartUtc)
            {
                return "La session a commencé : l'inscription ne peut plus être annulée.";
            }

            tx.Enrolments.Remove(enrolment);
            return null;
        }, cancellationToken);

    /// <summary>The animators' decision on a session: maintain, cancel, merge into another, or postpone.</summary>
    public async Task<SessionDecisionResult> DecideAsync(int sessionId, SessionDecision decision, string carrierSlug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var result = await writer.WriteAsync(async (tx, ct) =>
        {
            var session = await LoadForWriteAsync(tx, sessionId, ct);
            var programme = await tx.Programmes.Include(p => p.Partners).FirstAsync(p => p.Id == session.ProgrammeId, ct);
            var target = decision is { Kind: SessionDecisionKind.Merge, TargetSessionId: { } targetId } && targetId != sessionId
                ? await tx.Sessions.AsSplitQuery().Include(s => s.Module).Include(s => s.Quotas).Include(s => s.Enrolments)
                    .FirstOrDefaultAsync(s => s.Id == targetId && s.ProgrammeId == session.ProgrammeId, ct)
                : null;
            var affected = session.Enrolments.Select(e => e.EnrolledByUserId).Distinct().ToList();
            var refusal = decision.Kind switch
            {
                SessionDecisionKind.Confirm => session.Confirm(Now),
                SessionDecisionKind.Cancel => session.Cancel(),
                SessionDecisionKind.Postpone => session.Postpone(decision.StartUtc, decision.EndUtc, decision.ReleaseAtUtc, decision.GoNoGoAtUtc, Now),
                _ => target is null ? "Choisissez une autre session à venir du même module." : session.MergeInto(target, Now),
            };
            return new SessionDecisionResult(refusal, session, target, affected, [.. programme.NetworkIds]);
        }, cancellationToken);

        if (result.Refusal is null)
        {
            await agenda.AfterDecisionAsync(result, decision.Kind, carrierSlug, cancellationToken);
        }

        return result;
    }

    public Task<string?> RecordAttendanceAsync(int sessionId, IReadOnlySet<int> presentEnrolmentIds, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(async (tx, ct) =>
        {
            var session = await LoadForWriteAsync(tx, sessionId, ct);
            return session.RecordAttendance(presentEnrolmentIds, Now);
        }, cancellationToken);

    // Meetings

    public async Task<IReadOnlyList<ProgressMeeting>> MeetingsAsync(int programmeId, CancellationToken cancellationToken = default) =>
        await db.Meetings.AsNoTracking().Where(m => m.ProgrammeId == programmeId).OrderByDescending(m => m.HeldOnUtc).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);

    public Task AddMeetingAsync(ProgressMeeting meeting, CancellationToken cancellationToken = default) =>
        writer.WriteAsync((tx, _) =>
        {
            tx.Meetings.Add(meeting);
            return Task.FromResult(meeting);
        }, cancellationToken);

    // Report

    public async Task<ProgrammeReport> ReportAsync(Programme programme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return ProgrammeReport.Compute(programme, await ModulesAsync(programme.Id, cancellationToken), await SessionsAsync(programme.Id, cancellationToken));
    }

    private static Task<TrainingSession> LoadForWriteAsync(FormationDbContext tx, int sessionId, CancellationToken cancellationToken) =>
        tx.Sessions.AsSplitQuery().Include(s => s.Module).Include(s => s.Quotas).Include(s => s.Enrolments).FirstAsync(s => s.Id == sessionId, cancellationToken);
}

/// <summary>A new programme, validated by the page.</summary>
public sealed record ProgrammeDraft(string Title, string? Description, long BudgetCents, int TargetTrainees, IReadOnlyList<int> PartnerNetworkIds, IReadOnlyList<string> Themes);

/// <summary>A company's answer to the needs questionnaire.</summary>
public sealed record NeedsAnswer(int CompanyId, int NetworkId, string UserId, IReadOnlyList<int> ThemeIds, int Employees, PreferredPeriod PreferredPeriod, string? Comment);

/// <summary>One cell of the needs table: a theme in a network.</summary>
public sealed record NeedsCell(int ThemeId, int NetworkId, int Companies, int Employees);

/// <summary>A session to plan: dates in UTC, seats reserved per network id.</summary>
public sealed record SessionDraft(int ModuleId, DateTime StartUtc, DateTime EndUtc, string Place, int Seats, DateTime ReleaseAtUtc, DateTime GoNoGoAtUtc, IReadOnlyDictionary<int, int> Quotas);

public sealed record SessionPlanResult(TrainingSession? Session, string? Refusal, IReadOnlyList<int> NetworkIds)
{
    public static SessionPlanResult Planned(TrainingSession session, IReadOnlyList<int> networkIds) => new(session, null, networkIds);

    public static SessionPlanResult Refused(string reason) => new(null, reason, []);
}

public enum SessionDecisionKind
{
    Confirm,
    Cancel,
    Merge,
    Postpone,
}

/// <summary>An animator's decision; dates only for a postponement, the target only for a merge.</summary>
public sealed record SessionDecision(SessionDecisionKind Kind, int? TargetSessionId = null, DateTime StartUtc = default, DateTime EndUtc = default, DateTime ReleaseAtUtc = default, DateTime GoNoGoAtUtc = default);

public sealed record SessionDecisionResult(string? Refusal, TrainingSession Session, TrainingSession? Target, IReadOnlyList<string> AffectedUserIds, IReadOnlyList<int> NetworkIds);
