using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Abstractions.Plugins;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>The checks made before any plugin code runs, on plugin folders written by the tests.</summary>
public sealed class PluginRuntimeLoaderTests
{
    private const string NotesManifest = """
        { "id": "Notes", "name": "Notes", "version": "1.2.0", "assembly": "Platform.Plugins.Notes.dll", "contract": "[1.0,2.0)" }
        """;

    [Fact]
    public void Load_FolderWithoutManifest_IsIncompatible()
    {
        var root = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(root, "Empty"));

        var plugin = Load(root).Single();

        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Equal("pas de plugin.json dans le dossier", plugin.Reason);
    }

    [Theory]
    [InlineData("{ not json", "manifeste illisible")]
    [InlineData("""{ "id": "2bad", "name": "x", "version": "1.0", "assembly": "x.dll", "contract": "1.0" }""", "identifiant « 2bad » invalide")]
    [InlineData("""{ "id": "Ok", "name": "x", "version": "1.0", "assembly": "../x.dll", "contract": "1.0" }""", "assemblage « ../x.dll » invalide")]
    [InlineData("""{ "id": "Ok", "name": "x", "version": "1.0", "assembly": "x.dll", "contract": "[2.0," }""", "plage de contrat « [2.0, » invalide")]
    [InlineData("""{ "id": "Ok", "name": "x", "version": "un", "assembly": "x.dll", "contract": "1.0" }""", "version « un » invalide")]
    public void Load_BadManifest_IsIncompatibleWithTheReason(string manifest, string reason)
    {
        var root = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(root, "Bad"));
        File.WriteAllText(Path.Combine(root, "Bad", "plugin.json"), manifest);

        var plugin = Load(root).Single();

        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.StartsWith(reason, plugin.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ContractRangeWithoutCurrentVersion_IsIncompatibleBeforeLoadingCode()
    {
        var root = TestPaths.PluginFolderWith("Notes");
        File.WriteAllText(Path.Combine(root, "Notes", "plugin.json"), NotesManifest.Replace("[1.0,2.0)", "[2.0,3.0)", StringComparison.Ordinal));

        var plugin = Load(root).Single();

        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Equal("contrat demandé [2.0,3.0), contrat de la plateforme 1.1", plugin.Reason);
        Assert.Null(plugin.Assembly);
    }

    [Fact]
    public void Load_TwoFoldersWithTheSameId_RefusesTheSecond()
    {
        var root = TestPaths.PluginFolderWith("Notes");
        TestPaths.CopyDirectory(Path.Combine(root, "Notes"), Path.Combine(root, "NotesCopy"));

        var plugins = Load(root);

        Assert.Equal(PluginStatus.Loaded, plugins[0].Status);
        Assert.Equal(PluginStatus.Incompatible, plugins[1].Status);
        Assert.Equal("l'identifiant « Notes » est déjà utilisé par un autre module", plugins[1].Reason);
    }

    [Fact]
    public void Load_ManifestNamingAMissingAssembly_IsIncompatible()
    {
        var root = TestPaths.PluginFolderWith("Notes");
        File.Delete(Path.Combine(root, "Notes", "Platform.Plugins.Notes.dll"));

        var plugin = Load(root).Single();

        Assert.Equal(PluginStatus.Incompatible, plugin.Status);
        Assert.Equal("assemblage Platform.Plugins.Notes.dll absent du dossier", plugin.Reason);
    }

    [Fact]
    public void Load_GoodPlugin_RegistersItsServicesAndDbContext()
    {
        var services = new ServiceCollection();
        var plugin = Load(TestPaths.PluginFolderWith("Notes"), services).Single();

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        Assert.Equal("NotesDbContext", Assert.Single(plugin.DbContextTypes).Name);
        Assert.Contains(services, d => d.ServiceType == plugin.DbContextTypes[0]);
        Assert.Equal("Notes", Assert.Single(plugin.Navigation).Title);
        Assert.NotNull(plugin.Module);
    }

    [Fact]
    public void Load_GoodPlugin_SharesTheHostsTypes_WithoutLoadingWhatItNeverUses()
    {
        var plugin = Load(TestPaths.PluginFolderWith("Notes")).Single();

        Assert.Equal(PluginStatus.Loaded, plugin.Status);
        var context = AssemblyLoadContext.GetLoadContext(plugin.Assembly!)!;
        Assert.NotEqual(AssemblyLoadContext.Default, context);
        // Its contract, Autofac and EF Core are the host's own copies…
        foreach (var shared in new[] { typeof(IPlugin).Assembly, typeof(Autofac.ContainerBuilder).Assembly, typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly })
        {
            Assert.Same(shared, context.LoadFromAssemblyName(shared.GetName()));
        }

        // …and loading it did not load into the host the whole closure of their references, as McMaster does for
        // the shared types it is given (sixty assemblies at the site's start; this one only runs in a browser).
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "System.Runtime.InteropServices.JavaScript");
    }

    private static IReadOnlyList<InstalledPlugin> Load(string root, IServiceCollection? services = null) =>
        new PluginRuntimeLoader(new PluginOptions { Path = root, RequireApproval = false }, new ConfigurationBuilder().Build(), "Data Source=:memory:", NullLogger.Instance)
            .Load(services ?? new ServiceCollection())
            .All;
}
