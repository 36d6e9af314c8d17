using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>Server-side sessions: logout, disabled accounts, idle and absolute timeouts (ASVS 7.3, 7.4).</summary>
public sealed class SessionTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ClockedFactory _factory;

    public SessionTests() => _factory = new ClockedFactory(_clock);

    [Fact]
    public async Task CookieReplayedAfterLogout_IsRefused()
    {
        var (session, cookies) = await SignInWithCookiesAsync(DemoSeeder.Members[0].Email);
        using var _ = session;
        var stolen = cookies.Container.GetCookieHeader(new Uri("http://localhost/"));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookie("/notifications", stolen)).StatusCode);

        await session.PostFormAsync("/compte/deconnexion", []);

        Assert.Equal(HttpStatusCode.Redirect, (await GetWithCookie("/notifications", stolen)).StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_LosesItsOpenSessionAtOnce_AndCannotSignInAgain()
    {
        var email = DemoSeeder.AnimatorEmail("ciel");
        using var session = await BrowserSession.SignInAsync(_factory, email);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/notifications")).StatusCode);

        using (var scope = _factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync(email));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/notifications")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BrowserSession.SignInAsync(_factory, email));
    }

    [Fact]
    public async Task SessionEndedByAnotherInstance_IsRefusedOnceTheCacheLifetimeIsOver()
    {
        var email = DemoSeeder.Members[0].Email;
        using var session = await BrowserSession.SignInAsync(_factory, email);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/notifications")).StatusCode);

        // Another instance (or the command line) ends the session: its row goes, this process is not told.
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            Assert.True(await db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync() > 0);
        }

        _clock.Advance(DatabaseTicketStore.CacheLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task IdleForThirtyMinutes_EndsTheSession_ButActivityKeepsItAlive()
    {
        using var session = await BrowserSession.SignInAsync(_factory, DemoSeeder.Members[1].Email);
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/notifications")).StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task TwelveHoursAfterSignIn_TheSessionEnds_EvenWhenActive()
    {
        using var session = await BrowserSession.SignInAsync(_factory, DemoSeeder.AnimatorEmail("sotra"));
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(25))
        {
            _clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/notifications")).StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(40));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task TheCookieHoldsOnlyASessionKey()
    {
        var (session, cookies) = await SignInWithCookiesAsync(DemoSeeder.Members[0].Email);
        using var _ = session;
        var cookie = cookies.Container.GetCookies(new Uri("http://localhost/"))["ic47"]!.Value;

        // A self-contained ticket weighs a kilobyte or more; a session key is a short reference.
        Assert.InRange(cookie.Length, 1, 600);
    }

    private async Task<(BrowserSession Session, CookieContainerHandler Cookies)> SignInWithCookiesAsync(string email)
    {
        var cookies = new CookieContainerHandler();
        var session = new BrowserSession(_factory.CreateDefaultClient(new Uri("http://localhost"), cookies));
        var response = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (session, cookies);
    }

    private async Task<HttpResponseMessage> GetWithCookie(string url, string cookieHeader)
    {
        using var client = _factory.CreateDefaultClient(new Uri("http://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class ClockedFactory(FakeTimeProvider clock) : PlatformFactory(TestPaths.PluginFolderWith())
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }
}
