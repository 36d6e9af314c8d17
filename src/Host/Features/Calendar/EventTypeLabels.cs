using Platform.Abstractions.Calendar;

namespace Platform.Host.Features.Calendar;

public static class EventTypeLabels
{
    public static string ToFrench(this EventType type) => type switch
    {
        EventType.ConferenceDebate => "Conférence-débat",
        EventType.Meeting => "Rencontre",
        EventType.CompanyVisit => "Visite d'entreprise",
        EventType.Workshop => "Atelier",
        EventType.TradeFair => "Salon",
        EventType.Training => "Formation",
        EventType.Assembly => "Assemblée",
        _ => "Événement",
    };

    public static string ToFrench(this EventAudience audience) => audience switch
    {
        EventAudience.AllMembers => "Tous les adhérents de la plateforme",
        _ => "Les adhérents des réseaux organisateurs",
    };

    public static string ToFrench(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Confirmée",
        RegistrationStatus.Waitlisted => "En liste d'attente",
        _ => "Annulée",
    };

    /// <summary>The slug used in the type filter of <c>/agenda</c>.</summary>
    public static string ToSlug(this EventType type) => type switch
    {
        EventType.ConferenceDebate => "conference-debat",
        EventType.Meeting => "rencontre",
        EventType.CompanyVisit => "visite",
        EventType.Workshop => "atelier",
        EventType.TradeFair => "salon",
        EventType.Training => "formation",
        EventType.Assembly => "assemblee",
        _ => "autre",
    };

    public static EventType? FromSlug(string? slug) =>
        Enum.GetValues<EventType>().Cast<EventType?>().FirstOrDefault(t => t!.Value.ToSlug() == slug);
}
