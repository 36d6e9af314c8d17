namespace Platform.Abstractions.Notifications;

/// <summary>
/// Tells a user something: an in-app notification they see on their notifications page and, when
/// asked, an e-mail (sent over SMTP when the platform has one, otherwise written as a <c>.eml</c>
/// file under <c>data/mail/</c>).
/// </summary>
public interface INotificationService
{
    /// <summary>Records the notification and sends the mail if <see cref="Notification.SendMail"/> is set.</summary>
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default);
}
