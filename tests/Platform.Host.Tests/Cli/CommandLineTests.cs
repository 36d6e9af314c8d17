using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Cli;

/// <summary>The operators' command line, run as its own process on the database a running host uses.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly PlatformFactory _site = new(TestPaths.PluginFolderWith("Notes", "CtorThrows"));

    [Fact]
    public async Task ModulesEnable_FromAnotherProcess_IsSeenByTheRunningSite()
    {
        using var client = _site.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/pain-bio-local/notes")).StatusCode);

        var enable = await RunAsync("modules", "enable", "NOTES", "--network", "pain-bio-local");
        Assert.Equal(0, enable.ExitCode);
        Assert.Contains("Module NOTES activé pour pain-bio-local.", enable.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/c/pain-bio-local/notes")).StatusCode);

        var list = await RunAsync("modules", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"notes\s+1\.2\.0\s+Chargé\s+réseaux: pain-bio-local", list.Output);
        Assert.Matches(@"ctorthrows\s+1\.0\.0\s+En défaut\s+réseaux: aucun", list.Output);
        Assert.Contains("raison : constructeur : InvalidOperationException: panne dans le constructeur", list.Output, StringComparison.Ordinal);

        var disable = await RunAsync("modules", "disable", "notes", "--network", "pain-bio-local");
        Assert.Equal(0, disable.ExitCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/pain-bio-local/notes")).StatusCode);
    }

    [Fact]
    public async Task AnnuaireSuggestions_StoresEveryCompanysSuggestions_AndSaysHowLongItTook()
    {
        using var scope = _site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Task<int> CountAsync(FormattableString sql) => db.Database.SqlQuery<int>(sql).SingleAsync();
        var companies = await CountAsync($"""SELECT count(*) AS "Value" FROM "Companies" """);

        var result = await RunAsync("annuaire", "suggestions");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"^Idées de contact calculées en \d+,\d s \(\d+ lots\) : {companies} entreprises en ont d'enregistrées\.$", result.Output.Trim().Split('\n')[^1]);
        Assert.Equal(companies, await CountAsync($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" """));
    }

    [Theory]
    [InlineData(new[] { "modules", "enable", "inconnu", "--network", "sotra" }, 1, "Module inconnu : inconnu.")]
    [InlineData(new[] { "modules", "enable", "notes", "--network", "nulle-part" }, 1, "Réseau inconnu : nulle-part.")]
    [InlineData(new[] { "modules", "enable", "ctorthrows", "--network", "sotra" }, 1, "n'est pas chargé")]
    [InlineData(new[] { "modules", "enable", "notes" }, 2, "Utilisation :")]
    public async Task BadCommands_ExplainAndChangeNothing(string[] args, int exitCode, string message)
    {
        var result = await RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        using var client = _site.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/sotra/notes")).StatusCode);
    }

    [Fact]
    public async Task UsersCreateAdmin_ReadsThePasswordFromStdin_AndTheAdminCanSignIn()
    {
        var result = await RunAsync(["users", "create-admin", "exploitation@cci47.fr"], stdin: "une phrase de passe assez longue\n");
        Assert.Equal(0, result.ExitCode);

        using var session = await BrowserSession.SignInAsync(_site, "exploitation@cci47.fr", "une phrase de passe assez longue");
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/admin/modules")).StatusCode);
    }

    [Fact]
    public async Task UsersCreateAdmin_WithAShortPassword_IsRefusedInFrench()
    {
        var result = await RunAsync(["users", "create-admin", "court@cci47.fr"], stdin: "court\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", result.Error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? stdin)
    {
        // The site is started first, so the database exists and demo data is in place.
        _ = _site.Services;
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Platform.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.Combine(TestPaths.RepoRoot, "src", "Host"),
        };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Path"] = _site.DatabasePath;
        start.Environment["Plugins__Path"] = _site.PluginPath;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Plugins__RequireApproval"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "None";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => _site.Dispose();
}
