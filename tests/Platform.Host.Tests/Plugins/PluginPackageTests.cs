using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Platform.Host.Features.Cli;
using Platform.Host.Features.Demo;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// <c>modules pack</c> and <c>modules install</c>: a plugin's build folder becomes a package with the
/// SHA-256 of each file; installing checks paths, hashes, manifest, contract and id before copying.
/// </summary>
public sealed partial class PluginPackageTests
{
    private readonly string _work = TestPaths.NewTempDirectory();

    private string PluginsRoot => Path.Combine(_work, "plugins");

    private static string Notes => Path.Combine(TestPaths.FixturePlugins, "Notes");

    [Fact]
    public async Task PackThenInstall_FromTheCommandLine_IsLoadedAtNextStartAndEnabledNowhere()
    {
        var zip = Path.Combine(_work, "notes.zip");
        var pack = await RunProcessAsync("modules", "pack", Notes, "--output", zip);
        Assert.Equal(0, pack.ExitCode);
        Assert.Contains("Module Notes 1.2.0 emballé", pack.Output, StringComparison.Ordinal);

        var install = await RunProcessAsync("modules", "install", zip);
        Assert.Equal(0, install.ExitCode);
        Assert.Contains("Module Notes 1.2.0 installé", install.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(PluginsRoot, "Notes", PluginPackage.FileListName)));

        using var site = new PlatformFactory(PluginsRoot);
        using var admin = await BrowserSession.SignInAsync(site, DemoSeeder.AdminEmail);
        var (_, list) = await admin.GetPageAsync("/admin/modules");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")?.GetAttribute("href") == "/admin/modules/notes");
        Assert.Contains("Chargé", row.TextContent, StringComparison.Ordinal);
        var (_, details) = await admin.GetPageAsync("/admin/modules/notes");
        var states = details.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Equal("Désactivé", s));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/c/sotra/notes")).StatusCode);
    }

    [Fact]
    public async Task Install_WhenTheIdIsAlreadyInstalled_IsRefusedAndLeavesTheInstalledOneAlone()
    {
        var zip = Pack(Notes);
        TestPaths.CopyDirectory(Notes, Path.Combine(PluginsRoot, "notes-ancien"));
        var before = Directory.GetFileSystemEntries(PluginsRoot, "*", SearchOption.AllDirectories).Length;

        var (code, _, error) = await RunAsync("modules", "install", zip);

        Assert.Equal(1, code);
        Assert.Equal("Installation refusée : un module d'identifiant « Notes » est déjà installé (dossier notes-ancien) : retirez-le d'abord pour le remplacer.", error.Trim());
        Assert.Equal(before, Directory.GetFileSystemEntries(PluginsRoot, "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("wwwroot/../../evil.txt")]
    [InlineData("/tmp/evil.txt")]
    [InlineData("..\\evil.txt")]
    public async Task Install_OfAZipWithAPathEscapingTheFolder_IsRefusedBeforeWritingAnything(string entryName)
    {
        var zip = Pack(Notes);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(archive.CreateEntry(entryName).Open());
            await writer.WriteAsync("hors du dossier");
        }

        var (code, _, error) = await RunAsync("modules", "install", zip);

        Assert.Equal(1, code);
        Assert.Equal($"Installation refusée : chemin hors du dossier du module : {entryName}.", error.Trim());
        Assert.False(Directory.Exists(PluginsRoot));
        Assert.False(File.Exists(Path.Combine(_work, "evil.txt")));
        Assert.False(File.Exists("/tmp/evil.txt"));
    }

    [Fact]
    public async Task Install_WhenAFileChangedAfterPacking_IsRefused()
    {
        var zip = Pack(Notes);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            archive.GetEntry("wwwroot/notes.css")!.Delete();
            using var writer = new StreamWriter(archive.CreateEntry("wwwroot/notes.css").Open());
            await writer.WriteAsync("body { display: none; }");
        }

        var (code, _, error) = await RunAsync("modules", "install", zip);

        Assert.Equal(1, code);
        Assert.Equal("Installation refusée : empreinte SHA-256 différente pour « wwwroot/notes.css » : le fichier a changé depuis l'emballage.", error.Trim());
        Assert.False(Directory.Exists(PluginsRoot));
    }

    [Fact]
    public async Task Install_OfAFolderWithAFileNotInTheList_IsRefused()
    {
        var folder = Path.Combine(_work, "package");
        PluginPackage.Pack(Notes, folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "ajout.dll"), "pas un assemblage");

        var (code, _, error) = await RunAsync("modules", "install", folder);

        Assert.Equal(1, code);
        Assert.Equal($"Installation refusée : fichier « ajout.dll » absent de {PluginPackage.FileListName}.", error.Trim());
    }

    [Fact]
    public async Task Install_WhenTheContractRangeExcludesThePlatform_IsRefused()
    {
        var build = Path.Combine(_work, "build");
        TestPaths.CopyDirectory(Notes, build);
        var manifest = Path.Combine(build, "plugin.json");
        await File.WriteAllTextAsync(manifest, ContractRange().Replace(await File.ReadAllTextAsync(manifest), "\"contract\": \"[2.0,3.0)\""));
        var zip = Pack(build);

        var (code, _, error) = await RunAsync("modules", "install", zip);

        Assert.Equal(1, code);
        Assert.Equal("Installation refusée : contrat demandé [2.0,3.0), contrat de la plateforme 1.1.", error.Trim());
        Assert.False(Directory.Exists(PluginsRoot));
    }

    [Fact]
    public async Task Install_OfAPluginCompiledAgainstAnotherContract_IsRefused()
    {
        var zip = Pack(Path.Combine(TestPaths.FixturePlugins, "OtherContract"));

        var (code, _, error) = await RunAsync("modules", "install", zip);

        Assert.Equal(1, code);
        Assert.Equal("Installation refusée : compilé contre Platform.Abstractions 2.0, la plateforme fournit 1.1.", error.Trim());
    }

    [Fact]
    public async Task Pack_OfAFolderWithoutManifest_IsRefused()
    {
        var empty = Path.Combine(_work, "vide");
        Directory.CreateDirectory(empty);

        var (code, _, error) = await RunAsync("modules", "pack", empty, "--output", Path.Combine(_work, "vide.zip"));

        Assert.Equal(1, code);
        Assert.Equal("Emballage refusé : pas de plugin.json dans le dossier du module.", error.Trim());
    }

    private string Pack(string folder)
    {
        var zip = Path.Combine(_work, $"{Guid.NewGuid():N}.zip");
        PluginPackage.Pack(folder, zip);
        return zip;
    }

    /// <summary>The command as the host's command line runs it, in this process.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Plugins:Path", PluginsRoot)]).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PluginPackageCommands.RunAsync(configuration, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The real command line: <c>dotnet Platform.Host.dll …</c>, in its own process.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(TestPaths.RepoRoot, "src", "Host"),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Platform.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Database__Path"] = Path.Combine(_work, "cli.db");
        start.Environment["Plugins__Path"] = PluginsRoot;
        start.Environment["Logging__LogLevel__Default"] = "None";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex("\"contract\":\\s*\"[^\"]*\"")]
    private static partial Regex ContractRange();
}
