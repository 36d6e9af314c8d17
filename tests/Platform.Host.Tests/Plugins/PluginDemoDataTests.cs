using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Host.Data;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// Demo mode and plugins (contract 1.1): <c>Demo:Plugins</c> enables a plugin for networks at the first
/// start, and each loaded plugin's <c>IPluginDemoData</c> runs after its migrations. Each test starts its
/// own hosts, with only the Notes fixture installed.
/// </summary>
public sealed class PluginDemoDataTests
{
    private const string DemoNote = "Note de démonstration";

    [Fact]
    public async Task DemoStart_EnablesListedNetworksAudited_SeedsOnce_AndNeverOverridesAnAdminLater()
    {
        string database;
        using (var first = new DemoPluginsFactory())
        {
            database = first.DatabasePath;
            Assert.Equal(["etic", "sotra"], await EnabledSlugsAsync(first));
            var audit = await AuditAsync(first);
            Assert.Equal(2, audit.Count);
            Assert.All(audit, a => Assert.True(a.Enabled && a.ChangedBy == PluginDemoStartup.ChangedBy, $"{a.ChangedBy} {a.Enabled}"));
            Assert.Equal(1L, await first.ScalarAsync<long>("SELECT COUNT(*) FROM notes_notes WHERE Text = $text", ("$text", DemoNote)));
            // The unknown network and the missing plugin are logged; the site started anyway.
            Assert.Contains(first.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("network reseau-inconnu", StringComparison.Ordinal));
            Assert.Contains(first.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("plugin Absent", StringComparison.Ordinal));
            using var client = first.CreateBrowser();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/c/etic/notes")).StatusCode);

            // An administrator disables it for SOTRA while the demo runs.
            await first.DisablePluginAsync("Notes", "sotra");
        }

        using var second = new DemoPluginsFactory(database);
        Assert.Equal(["etic"], await EnabledSlugsAsync(second));
        Assert.Equal(3, (await AuditAsync(second)).Count);
        // The demo data ran again and found its note: still one.
        Assert.Equal(1L, await second.ScalarAsync<long>("SELECT COUNT(*) FROM notes_notes WHERE Text = $text", ("$text", DemoNote)));
    }

    [Fact]
    public async Task ThrowingDemoData_IsLoggedWithThePluginId_AndThePluginStaysLoaded()
    {
        using var factory = new DemoPluginsFactory(demoDataFails: true);

        Assert.Equal(PluginStatus.Loaded, factory.PluginStatusOf("Notes").Status);
        var warning = Assert.Single(factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Demo data of plugin Notes failed", StringComparison.Ordinal));
        Assert.Contains("panne des données de démonstration", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await factory.ScalarAsync<long>("SELECT COUNT(*) FROM notes_notes WHERE Text = $text", ("$text", DemoNote)));
        using var client = factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/c/etic/notes")).StatusCode);
    }

    [Fact]
    public async Task OutsideDemoMode_PluginsAreNeitherEnabledNorSeeded()
    {
        using var factory = new DemoPluginsFactory(demoDataFails: true, demo: false);

        Assert.Equal(PluginStatus.Loaded, factory.PluginStatusOf("Notes").Status);
        Assert.Empty(await EnabledSlugsAsync(factory));
        // The seeder throws whenever it is called: no warning means it never was.
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Message.StartsWith("Demo data of plugin", StringComparison.Ordinal));
    }

    private static async Task<List<string>> EnabledSlugsAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.PluginEnablements.Where(e => e.PluginId == "Notes").Select(e => e.Network!.Slug).OrderBy(s => s).ToListAsync();
    }

    private static async Task<List<PluginAuditEntry>> AuditAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PluginAudit.AsNoTracking()
            .Where(a => a.PluginId == "Notes").OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Notes only, listed in <c>Demo:Plugins</c> with an unknown network, next to a plugin that is not installed.</summary>
    private sealed class DemoPluginsFactory(string? databasePath = null, bool demoDataFails = false, bool demo = true)
        : PlatformFactory(TestPaths.PluginFolderWith("Notes"), databasePath)
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Plugins:Notes:0", "etic");
            builder.UseSetting("Demo:Plugins:Notes:1", "sotra");
            builder.UseSetting("Demo:Plugins:Notes:2", "reseau-inconnu");
            builder.UseSetting("Demo:Plugins:Absent:0", "etic");
            builder.UseSetting("Plugins:Settings:Notes:DemoDataFails", demoDataFails ? "true" : "false");
            builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
            builder.UseSetting("Logging:LogLevel:Platform.Host.Plugins", "Warning");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }
}
