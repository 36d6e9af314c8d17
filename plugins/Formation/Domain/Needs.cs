namespace Platform.Plugins.Formation.Domain;

/// <summary>
/// A member company's answer to a programme's needs questionnaire, given from one network (the one
/// whose pages it was answered on). One answer per company and programme; answering again replaces it.
/// </summary>
public sealed class NeedResponse
{
    public const int MaxEmployees = 5000;

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int CompanyId { get; set; }

    public int NetworkId { get; set; }

    /// <summary>How many employees the company would send to training.</summary>
    public int Employees { get; set; }

    public PreferredPeriod PreferredPeriod { get; set; }

    public string? Comment { get; set; }

    public required string AnsweredByUserId { get; set; }

    public DateTime AnsweredAtUtc { get; set; }

    public List<NeedResponseTheme> Themes { get; } = [];
}

/// <summary>One theme ticked in an answer.</summary>
public sealed class NeedResponseTheme
{
    public int NeedResponseId { get; set; }

    public int ThemeId { get; set; }
}

/// <summary>When a company would rather train.</summary>
public enum PreferredPeriod
{
    Any,
    FirstQuarter,
    SecondQuarter,
    ThirdQuarter,
    FourthQuarter,
}

/// <summary>
/// A specification (« cahier des charges ») groups the needs of several themes; training bodies
/// answer it with modules.
/// </summary>
public sealed class Specification
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }
}

/// <summary>A training module answering a specification, delivered by a training body in sessions.</summary>
public sealed class TrainingModule
{
    public const int MaxParticipantsLimit = 100;

    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int SpecificationId { get; set; }

    public int? ThemeId { get; set; }

    public required string Title { get; set; }

    /// <summary>Hours of training per trainee.</summary>
    public int DurationHours { get; set; }

    /// <summary>Below this many trainees at the go/no-go date, a session is flagged.</summary>
    public int MinParticipants { get; set; }

    public int MaxParticipants { get; set; }

    /// <summary>The training body (« organisme de formation »), for example Sud Management.</summary>
    public required string TrainingBody { get; set; }

    /// <summary>The teaching cost of one session, in euro cents.</summary>
    public long SessionCostCents { get; set; }
}

/// <summary>A progress meeting of the programme's networks: the collective decisions and their minutes.</summary>
public sealed class ProgressMeeting
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public DateTime HeldOnUtc { get; set; }

    public required string Title { get; set; }

    public string? Decisions { get; set; }

    public string? Minutes { get; set; }

    public required string RecordedBy { get; set; }
}
