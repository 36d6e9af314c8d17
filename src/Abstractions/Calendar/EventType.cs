namespace Platform.Abstractions.Calendar;

/// <summary>The kind of an agenda event, shown in French in the agenda.</summary>
public enum EventType
{
    /// <summary>Conférence-débat.</summary>
    ConferenceDebate = 0,

    /// <summary>Rencontre (a meeting between members).</summary>
    Meeting = 1,

    /// <summary>Visite d'entreprise.</summary>
    CompanyVisit = 2,

    /// <summary>Atelier.</summary>
    Workshop = 3,

    /// <summary>Salon (a trade fair).</summary>
    TradeFair = 4,

    /// <summary>Formation (a training session).</summary>
    Training = 5,

    /// <summary>Assemblée (a general or plenary assembly).</summary>
    Assembly = 6,
}
