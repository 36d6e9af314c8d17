using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Host.Tests.Support;

/// <summary>
/// The real host, on a temporary SQLite file, in demo mode, loading real plugin assemblies from a
/// folder on disk (by default every fixture plugin). One instance per test class or collection.
/// </summary>
public class PlatformFactory : WebApplicationFactory<Program>
{
    public PlatformFactory(string pluginPath, string? databasePath = null, bool safeMode = false)
    {
        PluginPath = pluginPath;
        DataDirectory = TestPaths.NewTempDirectory();
        DatabasePath = databasePath ?? Path.Combine(DataDirectory, "platform.db");
        SafeMode = safeMode;
    }

    public string PluginPath { get; }

    public string DataDirectory { get; }

    public string DatabasePath { get; }

    public bool SafeMode { get; }

    /// <summary>Plugin approval is tested on its own; other tests load the fixtures as they are.</summary>
    public bool RequireApproval { get; init; }

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Plugins:Path", PluginPath);
        builder.UseSetting("Plugins:SafeMode", SafeMode ? "true" : "false");
        builder.UseSetting("Plugins:RequireApproval", RequireApproval ? "true" : "false");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        // Tests sign in and post far more often than a person: the limits get their own tests.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:WritesPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The fixtures fail on purpose: their load errors are asserted, not printed.
        builder.UseSetting("Logging:LogLevel:Platform.Plugins", "None");
        builder.UseSetting("Logging:LogLevel:Platform.Host.Plugins", "None");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
