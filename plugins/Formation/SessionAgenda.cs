using Microsoft.Extensions.Logging;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Notifications;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation;

/// <summary>
/// Keeps the shared agenda in step with the sessions (published, moved, cancelled) and tells the
/// people who enrolled trainees when a session is cancelled, merged or postponed. Runs after the
/// plugin's own transaction has committed: a failure here is logged and never undoes the decision.
/// </summary>
public sealed class SessionAgenda(ICalendarService calendar, INotificationService notifications, ILogger<SessionAgenda> logger)
{
    public const string Source = "Formation";

    public static string KeyOf(int sessionId) => $"session-{sessionId}";

    public static string UrlOf(string networkSlug, int sessionId) => $"/c/{networkSlug}/formation/sessions/{sessionId}";

    public async Task PublishAsync(TrainingSession session, IReadOnlyList<int> networkIds, string carrierSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            await calendar.PublishAsync(new PublishEventRequest
            {
                Source = Source,
                ExternalKey = KeyOf(session.Id),
                Title = $"Formation : {session.Module.Title}",
                Type = EventType.Training,
                StartUtc = session.StartUtc,
                EndUtc = session.EndUtc,
                OrganiserNetworkIds = networkIds,
                Place = session.Place,
                Description = $"Session de formation inter-clusters ({session.Module.DurationHours} h, {session.Module.TrainingBody}). " +
                    $"{session.Seats} places, dont une part réservée à chaque réseau partenaire jusqu'au {FormationFormat.ShortDate(session.ReleaseAtUtc)}. " +
                    "Frais pédagogiques pris en charge par l'action collective.",
                Audience = EventAudience.OrganisingNetworks,
                RegistrationUrl = UrlOf(carrierSlug, session.Id),
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Session {SessionId} could not be published to the agenda", session.Id);
        }
    }

    public async Task AfterDecisionAsync(SessionDecisionResult result, SessionDecisionKind kind, string carrierSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var session = result.Session;
        switch (kind)
        {
            case SessionDecisionKind.Cancel or SessionDecisionKind.Merge:
                await Safely(() => calendar.CancelPublishedAsync(Source, KeyOf(session.Id), cancellationToken), session.Id);
                break;
            case SessionDecisionKind.Postpone:
                await PublishAsync(session, result.NetworkIds, carrierSlug, cancellationToken);
                break;
            default:
                return;
        }

        var (title, body, link) = kind switch
        {
            SessionDecisionKind.Cancel => ("Session de formation annulée",
                $"La session « {session.Module.Title} » du {FormationFormat.Date(session.StartUtc)} est annulée : elle n'a pas réuni assez de stagiaires.",
                UrlOf(carrierSlug, session.Id)),
            SessionDecisionKind.Merge => ("Session de formation déplacée",
                $"La session « {session.Module.Title} » du {FormationFormat.Date(session.StartUtc)} est regroupée avec celle du {FormationFormat.Date(result.Target!.StartUtc)} : vos stagiaires y sont inscrits.",
                UrlOf(carrierSlug, result.Target!.Id)),
            _ => ("Session de formation reportée",
                $"La session « {session.Module.Title} » est reportée au {FormationFormat.Date(session.StartUtc)}. Vos inscriptions sont conservées.",
                UrlOf(carrierSlug, session.Id)),
        };
        foreach (var userId in result.AffectedUserIds)
        {
            await Safely(() => notifications.NotifyAsync(new Notification(userId, title, body, link, SendMail: true), cancellationToken), session.Id);
        }
    }

    private async Task Safely(Func<Task> call, int sessionId)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Agenda or notification update for session {SessionId} failed", sessionId);
        }
    }
}
