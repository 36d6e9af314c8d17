using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Security;

/// <summary>ASVS 16.3: failed sign-ins and refused accesses are logged with who, where and when; secrets never.</summary>
public sealed class SecurityLogTests : IDisposable
{
    private readonly LoggedFactory _factory = new();

    [Fact]
    public async Task FailedSignInAndRefusedAccess_AreLogged_WithoutSecrets()
    {
        const string wrongPassword = "un-mot-de-passe-secret-faux";
        using (var anonymous = new BrowserSession(_factory.CreateBrowser()))
        {
            await anonymous.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = "pirate@example.fr", ["Input.Password"] = wrongPassword });
        }

        using var member = await BrowserSession.SignInAsync(_factory, DemoSeeder.Members[0].Email);
        await member.Client.GetAsync("/admin/modules");

        var entries = _factory.Logs.Entries;
        var failed = Assert.Single(entries, e => e.Message.StartsWith("Failed sign-in", StringComparison.Ordinal));
        Assert.Contains("pirate@example.fr", failed.Message, StringComparison.Ordinal);
        Assert.Matches(@"at \d{4}-\d\d-\d\dT", failed.Message);

        var refused = Assert.Single(entries, e => e.Message.StartsWith("Access refused (forbidden) to GET /admin/modules", StringComparison.Ordinal));
        Assert.Contains("for user ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("for user anonymous", refused.Message, StringComparison.Ordinal);

        Assert.DoesNotContain(entries, e => e.Message.Contains(wrongPassword, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains(DemoSeeder.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains("ic47=", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains("RequestVerificationToken", StringComparison.Ordinal));
    }

    [Fact]
    public void UserText_CannotForgeLogLines() =>
        Assert.Equal("a@b.fr__INFO faux", Platform.Host.Features.Accounts.SecurityLog.Clean("a@b.fr\r\nINFO faux"));

    public void Dispose() => _factory.Dispose();

    private sealed class LoggedFactory() : PlatformFactory(TestPaths.PluginFolderWith())
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
