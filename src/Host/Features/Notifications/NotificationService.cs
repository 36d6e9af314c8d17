using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Platform.Abstractions.Notifications;
using Platform.Host.Data;

namespace Platform.Host.Features.Notifications;

/// <summary>
/// Records in-app notifications and sends their mail. The notification is saved first: a mail
/// failure is logged and never loses it.
/// </summary>
internal sealed class NotificationService(
    PlatformDbContext db,
    IMailSender mail,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<NotificationService> logger) : INotificationService
{
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        db.Notifications.Add(new NotificationRecord
        {
            UserId = notification.UserId,
            Title = notification.Title,
            Body = notification.Body,
            Link = notification.Link,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);

        if (!notification.SendMail)
        {
            return;
        }

        var recipient = await db.Users.AsNoTracking().Where(u => u.Id == notification.UserId)
            .Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (recipient?.Email is null)
        {
            return;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(recipient.DisplayName, recipient.Email));
        message.Subject = notification.Title;
        message.Body = new TextPart("plain") { Text = notification.Link is null ? notification.Body : $"{notification.Body}\n\n{notification.Link}" };
        try
        {
            await mail.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Mail to user {UserId} failed", notification.UserId);
        }
    }
}

public static class NotificationsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPlatformNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
        var smtpHost = builder.Configuration["Mail:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            builder.Services.AddSingleton<IMailSender, PickupDirectoryMailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        }

        builder.Services.AddScoped<INotificationService, NotificationService>();
        return builder;
    }
}
