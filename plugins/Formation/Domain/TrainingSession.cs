namespace Platform.Plugins.Formation.Domain;

/// <summary>
/// One delivery of a module: dates, place, seats. Until <see cref="ReleaseAtUtc"/> the seats of
/// <see cref="Quotas"/> are kept for each partner network, so a small network is not beaten to its
/// seats by a big one (the brief's « principal frein »); seats in no quota are open to all. After the
/// release date every free seat is open to all. Callers load the session with its quotas and
/// enrolments inside one write transaction, call a method, and save.
/// </summary>
public sealed class TrainingSession
{
    /// <summary>How far ahead a session may start: its pages show dates computed from it (a postponement two weeks on).</summary>
    public const int MaxYearsAhead = 10;

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int ModuleId { get; set; }

    public TrainingModule Module { get; set; } = null!;

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    public required string Place { get; set; }

    public int Seats { get; set; }

    /// <summary>From this instant, seats a network has not used are open to every network.</summary>
    public DateTime ReleaseAtUtc { get; set; }

    /// <summary>At this instant, a session under its module's minimum is flagged to merge or postpone.</summary>
    public DateTime GoNoGoAtUtc { get; set; }

    public SessionStatus Status { get; set; }

    /// <summary>The teaching cost committed for this session (the module's cost when it was planned), in cents.</summary>
    public long CostCents { get; set; }

    /// <summary>When cancelled by a merge: the session that took its trainees.</summary>
    public int? MergedIntoSessionId { get; set; }

    public List<SessionQuota> Quotas { get; } = [];

    public List<Enrolment> Enrolments { get; } = [];

    public bool IsLive => Status is SessionStatus.Planned or SessionStatus.Confirmed;

    public int FreeSeats => Seats - Enrolments.Count;

    public int QuotaOf(int networkId) => Quotas.Where(q => q.NetworkId == networkId).Sum(q => q.Seats);

    /// <summary>Seats taken by a network's trainees inside its quota.</summary>
    public int ReservedSeatsUsedBy(int networkId) => Enrolments.Count(e => e.NetworkId == networkId && e.Seat == SeatKind.Reserved);

    /// <summary>Seats in no network's quota, still free.</summary>
    public int FreeOpenSeats => Seats - Quotas.Sum(q => q.Seats) - Enrolments.Count(e => e.Seat == SeatKind.Open);

    public bool IsReleased(DateTime nowUtc) => nowUtc >= ReleaseAtUtc;

    /// <summary>Under the module's minimum once the go/no-go date has passed, and not decided yet.</summary>
    public bool NeedsDecision(DateTime nowUtc) =>
        Status == SessionStatus.Planned && nowUtc >= GoNoGoAtUtc && Enrolments.Count < Module.MinParticipants;

    /// <summary>Attendance can be taken once the session has started, until it is recorded.</summary>
    public bool AwaitsAttendance(DateTime nowUtc) => IsLive && nowUtc >= StartUtc;

    /// <summary>
    /// Enrols an employee of a company through one network: in that network's quota while there is
    /// room, else in the open seats; after the release date, in any free seat.
    /// </summary>
    public EnrolmentOutcome Enrol(int companyId, int networkId, string traineeName, string userId, DateTime nowUtc)
    {
        if (!IsLive || nowUtc >= StartUtc)
        {
            return EnrolmentOutcome.Refused(Status == SessionStatus.Cancelled
                ? "Cette session est annulée."
                : "Les inscriptions à cette session sont closes.");
        }

        if (Enrolments.Any(e => e.CompanyId == companyId && string.Equals(e.TraineeName, traineeName, StringComparison.OrdinalIgnoreCase)))
        {
            return EnrolmentOutcome.Refused($"{traineeName} est déjà inscrit(e) à cette session.");
        }

        SeatKind seat;
        if (FreeSeats <= 0)
        {
            return EnrolmentOutcome.Refused("La session est complète.");
        }
        else if (IsReleased(nowUtc))
        {
            seat = SeatKind.Open;
        }
        else if (ReservedSeatsUsedBy(networkId) < QuotaOf(networkId))
        {
            seat = SeatKind.Reserved;
        }
        else if (FreeOpenSeats > 0)
        {
            seat = SeatKind.Open;
        }
        else
        {
            return EnrolmentOutcome.Refused(
                "Les places réservées à votre réseau sont toutes prises. Les places que les autres réseaux n'auront pas utilisées seront ouvertes à tous à la date de libération.");
        }

        var enrolment = new Enrolment
        {
            CompanyId = companyId,
            NetworkId = networkId,
            TraineeName = traineeName,
            Seat = seat,
            EnrolledByUserId = userId,
            EnrolledAtUtc = nowUtc,
        };
        Enrolments.Add(enrolment);
        return EnrolmentOutcome.Accepted(enrolment);
    }

    /// <summary>Go: the session will take place even if it is under the minimum (a collective decision).</summary>
    public string? Confirm(DateTime nowUtc) =>
        Status != SessionStatus.Planned ? "Seule une session planifiée peut être confirmée."
        : nowUtc >= EndUtc ? "Cette session est passée."
        : SetStatus(SessionStatus.Confirmed);

    /// <summary>No-go: the session is cancelled; its trainees are told by the caller.</summary>
    public string? Cancel() =>
        !IsLive ? "Cette session ne peut plus être annulée." : SetStatus(SessionStatus.Cancelled);

    /// <summary>
    /// Postpones the session: new dates, and new release and go/no-go dates before them. Enrolments are kept.
    /// </summary>
    public string? Postpone(DateTime startUtc, DateTime endUtc, DateTime releaseAtUtc, DateTime goNoGoAtUtc, DateTime nowUtc)
    {
        if (!IsLive)
        {
            return "Cette session ne peut plus être reportée.";
        }

        var invalid = ValidateDates(startUtc, endUtc, releaseAtUtc, goNoGoAtUtc, nowUtc);
        if (invalid is not null)
        {
            return invalid;
        }

        (StartUtc, EndUtc, ReleaseAtUtc, GoNoGoAtUtc, Status) = (startUtc, endUtc, releaseAtUtc, goNoGoAtUtc, SessionStatus.Planned);
        return null;
    }

    /// <summary>
    /// Moves every trainee into <paramref name="target"/> (a live session of the same module, not
    /// started, with room for all of them) and cancels this one.
    /// </summary>
    public string? MergeInto(TrainingSession target, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsLive)
        {
            return "Cette session ne peut plus être fusionnée.";
        }

        if (target.Id == Id || target.ModuleId != ModuleId || !target.IsLive || nowUtc >= target.StartUtc)
        {
            return "Choisissez une autre session à venir du même module.";
        }

        var moving = Enrolments.Where(e => !target.Enrolments.Any(t => t.CompanyId == e.CompanyId && string.Equals(t.TraineeName, e.TraineeName, StringComparison.OrdinalIgnoreCase))).ToList();
        if (moving.Count > target.FreeSeats)
        {
            return $"La session choisie n'a que {target.FreeSeats} place(s) libre(s) pour {moving.Count} stagiaire(s).";
        }

        foreach (var enrolment in moving)
        {
            target.Enrolments.Add(new Enrolment
            {
                CompanyId = enrolment.CompanyId,
                NetworkId = enrolment.NetworkId,
                TraineeName = enrolment.TraineeName,
                Seat = SeatKind.Open,
                EnrolledByUserId = enrolment.EnrolledByUserId,
                EnrolledAtUtc = enrolment.EnrolledAtUtc,
            });
        }

        Enrolments.Clear();
        MergedIntoSessionId = target.Id;
        return SetStatus(SessionStatus.Cancelled);
    }

    /// <summary>Records who came; the session is then held and its cost is spent.</summary>
    public string? RecordAttendance(IReadOnlySet<int> presentEnrolmentIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(presentEnrolmentIds);
        if (!AwaitsAttendance(nowUtc) && Status != SessionStatus.Held)
        {
            return Status == SessionStatus.Cancelled ? "Cette session est annulée." : "La feuille de présence s'ouvre au début de la session.";
        }

        foreach (var enrolment in Enrolments)
        {
            enrolment.Attended = presentEnrolmentIds.Contains(enrolment.Id);
        }

        return SetStatus(SessionStatus.Held);
    }

    public static string? ValidateDates(DateTime startUtc, DateTime endUtc, DateTime releaseAtUtc, DateTime goNoGoAtUtc, DateTime nowUtc) =>
        startUtc <= nowUtc ? "La session doit commencer dans le futur."
        : startUtc > nowUtc.AddYears(MaxYearsAhead) ? $"La session commence au plus tard dans {MaxYearsAhead} ans."
        : endUtc <= startUtc ? "La fin doit suivre le début."
        : (endUtc - startUtc).TotalDays > 31 ? "Une session dure au plus 31 jours."
        : releaseAtUtc > startUtc ? "La date de libération des places doit précéder le début de la session."
        : goNoGoAtUtc > startUtc ? "La date de décision (maintien ou report) doit précéder le début de la session."
        : null;

    private string? SetStatus(SessionStatus status)
    {
        Status = status;
        return null;
    }
}

/// <summary>Seats a network keeps in a session until the release date.</summary>
public sealed class SessionQuota
{
    public int SessionId { get; set; }

    public int NetworkId { get; set; }

    public int Seats { get; set; }
}

/// <summary>An employee of a member company enrolled in a session, through one of the programme's networks.</summary>
public sealed class Enrolment
{
    public const int MaxNameLength = 120;

    public int Id { get; set; }

    public int SessionId { get; set; }

    public int CompanyId { get; set; }

    public int NetworkId { get; set; }

    public required string TraineeName { get; set; }

    public SeatKind Seat { get; set; }

    public required string EnrolledByUserId { get; set; }

    public DateTime EnrolledAtUtc { get; set; }

    /// <summary>Set when attendance is recorded; <see langword="null"/> before.</summary>
    public bool? Attended { get; set; }
}

public enum SeatKind
{
    /// <summary>In the quota of the enrolment's network.</summary>
    Reserved,

    /// <summary>In the seats open to all (outside quotas, or after the release date).</summary>
    Open,
}

public enum SessionStatus
{
    Planned,
    Confirmed,
    Held,
    Cancelled,
}

/// <summary>The result of <see cref="TrainingSession.Enrol"/>.</summary>
public sealed record EnrolmentOutcome(Enrolment? Enrolment, string? Refusal)
{
    public static EnrolmentOutcome Accepted(Enrolment enrolment) => new(enrolment, null);

    public static EnrolmentOutcome Refused(string reason) => new(null, reason);
}
