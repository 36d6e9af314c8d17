using MimeKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Notifications;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Notifications;

[Collection(SharedHost.Name)]
public sealed class NotificationTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Notify_WithMail_ShowsInAppAndWritesAnEmlFile()
    {
        var (email, name, _, _) = DemoSeeder.Members[1];
        using (var scope = factory.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
            await scope.ServiceProvider.GetRequiredService<INotificationService>().NotifyAsync(
                new Notification(user!.Id, "Achat groupé conclu", "La file « Électricité 2027 » a atteint son seuil.", "/achats/1", SendMail: true));
        }

        using var session = await BrowserSession.SignInAsync(factory, email);
        var (_, page) = await session.GetPageAsync("/notifications");
        Assert.Contains("Achat groupé conclu", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var file = Directory.GetFiles(factory.MailDirectory, "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Single(m => m.Subject == "Achat groupé conclu");
        Assert.Equal(email, file.To.Mailboxes.Single().Address);
        Assert.Equal(name, file.To.Mailboxes.Single().Name);
        Assert.Contains("a atteint son seuil", file.TextBody, StringComparison.Ordinal);
    }
}
