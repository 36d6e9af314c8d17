namespace Platform.Plugins.Formation.Domain;

/// <summary>
/// A training programme (« action collective de formation ») carried by one network and joined by
/// partner networks, with one budget envelope. It moves forward through <see cref="ProgrammePhase"/>.
/// </summary>
public sealed class Programme
{
    public const int MaxThemes = 40;

    public int Id { get; set; }

    /// <summary>The network that carries the programme: its animators manage it.</summary>
    public int CarrierNetworkId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The envelope, in euro cents (120 000 € = 12 000 000).</summary>
    public long BudgetCents { get; set; }

    /// <summary>How many trainees the programme aims at (the brief's « près de 650 salariés »).</summary>
    public int TargetTrainees { get; set; }

    public ProgrammePhase Phase { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<ProgrammePartner> Partners { get; } = [];

    public List<Theme> Themes { get; } = [];

    /// <summary>The carrier first, then the partners.</summary>
    public IEnumerable<int> NetworkIds => Partners.Select(p => p.NetworkId).Prepend(CarrierNetworkId).Distinct();

    public bool Involves(int networkId) => CarrierNetworkId == networkId || Partners.Any(p => p.NetworkId == networkId);

    /// <summary>
    /// Moves to the next phase when the current one has produced what the next needs. Returns the
    /// French reason when it has not, and changes nothing.
    /// </summary>
    public string? Advance(ProgrammeProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var refusal = Phase switch
        {
            ProgrammePhase.NeedsCollection when progress.NeedResponses == 0 =>
                "Aucune entreprise n'a encore exprimé de besoin : le recueil ne peut pas être clos.",
            ProgrammePhase.Specification when progress.Modules == 0 =>
                "Définissez au moins un module dans un cahier des charges avant de planifier les sessions.",
            ProgrammePhase.Sessions when progress.SessionsAwaitingAttendance > 0 =>
                $"{progress.SessionsAwaitingAttendance} session(s) n'ont pas encore leur feuille de présence : l'action ne peut pas être clôturée.",
            ProgrammePhase.Sessions when progress.HeldSessions == 0 =>
                "Aucune session n'a eu lieu : l'action ne peut pas être clôturée.",
            ProgrammePhase.Completed => "L'action est déjà clôturée.",
            _ => null,
        };
        if (refusal is null)
        {
            Phase++;
        }

        return refusal;
    }
}

/// <summary>A partner network that joined the programme.</summary>
public sealed class ProgrammePartner
{
    public int ProgrammeId { get; set; }

    public int NetworkId { get; set; }
}

/// <summary>The steps of a programme, in order.</summary>
public enum ProgrammePhase
{
    /// <summary>Member companies answer the needs questionnaire.</summary>
    NeedsCollection,

    /// <summary>Needs are grouped into specifications (« cahiers des charges ») and modules.</summary>
    Specification,

    /// <summary>Sessions are planned, employees enrol, attendance is recorded.</summary>
    Sessions,

    /// <summary>The collective action is over; the report to the funder is final.</summary>
    Completed,
}

/// <summary>What a programme has produced so far: the facts <see cref="Programme.Advance"/> checks.</summary>
public sealed record ProgrammeProgress(int NeedResponses, int Modules, int HeldSessions, int SessionsAwaitingAttendance);

/// <summary>A training theme members can ask for (« Prospection commerciale », « Anglais »…).</summary>
public sealed class Theme
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public required string Name { get; set; }

    /// <summary>The specification that groups this theme's needs, once there is one.</summary>
    public int? SpecificationId { get; set; }
}
