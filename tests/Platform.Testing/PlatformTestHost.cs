using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;

namespace Platform.Testing;

/// <summary>
/// The real host, on a temporary SQLite file, in demo mode (the founding brief's networks and the demo
/// accounts), loading real plugin assemblies from <see cref="PluginPath"/> through the real loader.
/// Starts on first use; one instance per test class or collection (a start costs about two seconds).
/// </summary>
public class PlatformTestHost : WebApplicationFactory<Program>
{
    /// <summary>A host on a new temporary folder.</summary>
    /// <param name="pluginPath">The plugins folder: one sub-folder per plugin, as laid out by a build.</param>
    /// <param name="databasePath">A SQLite file to use instead of a new one (for two hosts on one database).</param>
    /// <param name="safeMode">Start with every plugin off.</param>
    public PlatformTestHost(string pluginPath, string? databasePath = null, bool safeMode = false)
    {
        PluginPath = pluginPath;
        DataDirectory = TestFolders.NewTempDirectory();
        DatabasePath = databasePath ?? Path.Combine(DataDirectory, "platform.db");
        SafeMode = safeMode;
    }

    /// <summary>The plugins folder the host loads from.</summary>
    public string PluginPath { get; }

    /// <summary>This host's temporary folder (database, mail pickup).</summary>
    public string DataDirectory { get; }

    /// <summary>The SQLite file: the host's tables and every plugin's.</summary>
    public string DatabasePath { get; }

    /// <summary>Whether the host starts with every plugin off.</summary>
    public bool SafeMode { get; }

    /// <summary>
    /// Load only approved plugins (SHA-256 of each file), as in Production. Off by default: tests load the
    /// plugin under test as it was just built.
    /// </summary>
    public bool RequireApproval { get; init; }

    /// <summary>
    /// A clock the test moves by hand (deadlines, release dates), given to the host as its
    /// <see cref="TimeProvider"/>; <see langword="null"/> (the default) keeps the system clock. With a
    /// clock, the idle timeout becomes two days of its time, so moving it by hours keeps users signed in;
    /// the 12-hour absolute limit still holds: after moving it further, sign in again, as a person would.
    /// </summary>
    public TestClock? Clock { get; init; }

    /// <summary>Where mails are written as <c>.eml</c> files.</summary>
    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    /// <summary>The connection string of <see cref="DatabasePath"/>.</summary>
    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString();

    /// <inheritdoc />
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
        // Load failures are asserted (or thrown by PluginTestHost), not printed.
        builder.UseSetting("Logging:LogLevel:Platform.Plugins", "None");
        builder.UseSetting("Logging:LogLevel:Platform.Host.Plugins", "None");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.ExpireTimeSpan = TimeSpan.FromDays(2));
            });
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A signed-out browser session.</summary>
    public WebSession Anonymous() => new(CreateBrowser());

    /// <summary>A session signed in as any account (demo accounts share <see cref="DemoSeeder.Password"/>).</summary>
    public async Task<WebSession> SignInAsync(string email, string password = DemoSeeder.Password)
    {
        var session = new WebSession(CreateBrowser());
        try
        {
            await session.SignInAsync(email, password);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Signed in as the platform administrator.</summary>
    public Task<WebSession> SignInAsAdminAsync() => SignInAsync(DemoSeeder.AdminEmail);

    /// <summary>Signed in as the animator of a network (demo: one per network, by slug).</summary>
    public Task<WebSession> SignInAsAnimatorAsync(string network) => SignInAsync(DemoSeeder.AnimatorEmail(network));

    /// <summary>
    /// Signed in as a demo member: the first whose company belongs to <paramref name="network"/>, or the
    /// first demo member when no network is given.
    /// </summary>
    public Task<WebSession> SignInAsMemberAsync(string? network = null)
    {
        var member = DemoSeeder.Members.FirstOrDefault(m => network is null || m.Networks.Contains(network, StringComparer.Ordinal));
        if (member.Email is null)
        {
            var covered = string.Join(", ", DemoSeeder.Members.SelectMany(m => m.Networks).Order(StringComparer.Ordinal));
            throw new ArgumentException($"No demo member belongs to '{network}'. Demo members belong to: {covered}.", nameof(network));
        }

        return SignInAsync(member.Email);
    }

    /// <summary>Enables a plugin for a network, as an administrator would (audited, takes effect at once).</summary>
    public Task EnablePluginAsync(string pluginId, string network) => SetPluginAsync(pluginId, network, true);

    /// <summary>Disables a plugin for a network.</summary>
    public Task DisablePluginAsync(string pluginId, string network) => SetPluginAsync(pluginId, network, false);

    /// <summary>What the loader made of a plugin: its status and, when not loaded, the reason.</summary>
    public (PluginStatus Status, string? Reason) PluginStatusOf(string pluginId)
    {
        var plugin = Services.GetRequiredService<PluginCatalog>().Find(pluginId)
            ?? throw new ArgumentException($"No plugin '{pluginId}' in {PluginPath}.", nameof(pluginId));
        return (plugin.Status, plugin.Reason);
    }

    /// <summary>
    /// Runs a query on the platform's database (a plugin's tables are <c>&lt;id&gt;_…</c>) and returns its rows,
    /// column name to value. Parameters are named <c>$name</c> in the SQL.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        _ = Services;
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The first column of the first row of a query, converted to <typeparamref name="T"/>.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        var rows = await QueryAsync(sql, parameters);
        var value = rows.Count == 0 ? null : rows[0].Values.FirstOrDefault();
        return value is null ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A plugin's own <c>DbContext</c>, built by the test on the platform's database, for reading what the
    /// plugin wrote. The test project must reference the plugin's assembly for this; its type is then
    /// the test's copy, not the host's, which is fine for reading rows.
    /// </summary>
    public TContext CreateDbContext<TContext>()
        where TContext : DbContext
    {
        _ = Services;
        var options = new DbContextOptionsBuilder<TContext>().UseSqlite(ConnectionString).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    private async Task SetPluginAsync(string pluginId, string network, bool enabled)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PluginEnablementService>().SetAsync(pluginId, network, enabled, "tests");
        if (result is not (EnablementChange.Changed or EnablementChange.Unchanged))
        {
            throw new InvalidOperationException($"Could not {(enabled ? "enable" : "disable")} {pluginId} for {network}: {result}.");
        }
    }
}
