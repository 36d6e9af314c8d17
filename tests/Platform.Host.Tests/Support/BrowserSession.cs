using Platform.Host.Features.Demo;
using Platform.Testing;

namespace Platform.Host.Tests.Support;

/// <summary>A cookie-keeping client that reads pages as HTML and posts forms with their antiforgery token.</summary>
public sealed class BrowserSession(HttpClient client) : WebSession(client)
{
    public static async Task<BrowserSession> SignInAsync(PlatformFactory factory, string email, string password = DemoSeeder.Password)
    {
        var session = new BrowserSession(factory.CreateBrowser());
        await session.SignInAsync(email, password);
        return session;
    }
}
