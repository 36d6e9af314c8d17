namespace Platform.Host.Features.Notifications;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Interclustering 47 <ne-pas-repondre@interclustering47.fr>";

    /// <summary>Where <c>.eml</c> files go when no SMTP host is set, relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 587;

        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
