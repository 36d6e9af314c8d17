using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Platform.Host.Resilience;
using Polly.Registry;

namespace Platform.Host.Features.Notifications;

/// <summary>Sends one mail message.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, inside the named mail pipeline (timeout, retry, circuit breaker).</summary>
internal sealed class SmtpMailSender(IOptions<MailOptions> options, ResiliencePipelineProvider<string> pipelines) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        await pipelines.GetPipeline(ResiliencePipelines.Mail).ExecuteAsync(async ct =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }

            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }, cancellationToken);
    }
}

/// <summary>Without an SMTP server (demo mode), writes each message as an <c>.eml</c> file to read in any mail client.</summary>
internal sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, IWebHostEnvironment environment, TimeProvider time) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        await message.WriteToAsync(Path.Combine(directory, name), cancellationToken);
    }
}
