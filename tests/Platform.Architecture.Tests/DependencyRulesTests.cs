namespace Platform.Architecture.Tests;

/// <summary>The house rules of DESIGN.md §2, checked on the built assemblies and the project files.</summary>
public sealed class DependencyRulesTests
{
    private static readonly string[] AbstractionsMayUse = ["System", "Microsoft.AspNetCore", "Microsoft.Extensions", "Microsoft.Net.Http.Headers", "netstandard", "Autofac"];

    [Fact]
    public void Abstractions_ReferencesOnlyTheFrameworkAndAutofac()
    {
        var references = Built.References(Built.AbstractionsAssembly);

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(
            AbstractionsMayUse.Any(prefix => r == prefix || r.StartsWith(prefix + ".", StringComparison.Ordinal)),
            $"Platform.Abstractions references {r}"));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Platform.Host", references);
    }

    [Fact]
    public void Plugins_ReferenceOnlyAbstractionsOfThePlatform()
    {
        var plugins = Built.PluginAssemblies().ToList();
        Assert.NotEmpty(plugins);
        foreach (var plugin in plugins)
        {
            var platform = Built.References(plugin).Where(r => r.StartsWith("Platform.", StringComparison.Ordinal)).ToList();
            Assert.Equal(["Platform.Abstractions"], platform);
        }
    }

    [Fact]
    public void Host_NeverReferencesAPlugin()
    {
        var references = Built.References(Built.HostAssembly);

        Assert.Contains("Platform.Abstractions", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Platform.Plugins.", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectFiles_NameNoPackageVersion_AndPluginsReferenceNoOtherProject()
    {
        var projects = Directory.GetFiles(Built.RepoRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var xml = System.Xml.Linq.XDocument.Load(project);
            var packages = xml.Descendants("PackageReference").ToList();
            Assert.All(packages, p => Assert.Null(p.Attribute("Version")));

            var isPlugin = project.Contains($"{Path.DirectorySeparatorChar}plugins{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            if (isPlugin)
            {
                // A plugin gets Abstractions from build/Plugin.props, and nothing else of the platform.
                Assert.Empty(xml.Descendants("ProjectReference"));
            }
        }
    }
}
