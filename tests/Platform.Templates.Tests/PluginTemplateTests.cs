using System.Net;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Platform.Host.Plugins;
using Platform.Testing;

namespace Platform.Templates.Tests;

/// <summary>
/// What a cluster's developer does first: install the template from this repository, create a plugin,
/// build it, and see its page on one network of the real host, loaded by the real loader.
/// </summary>
public sealed class PluginTemplateTests
{
    [Fact]
    public async Task NewPlugin_FromTheTemplate_BuildsLoadsAndServesItsPageWithItsData()
    {
        var work = TestFolders.NewTempDirectory();
        try
        {
            var project = await Tool.NewPluginAsync(work, "Vitrine", "--title", "Vitrine du réseau");

            var buildFolder = Path.Combine(project, "artifacts", "plugins", Tool.Configuration, "Vitrine");
            // The house rule for plugins holds for what the template makes: the contract, never the host.
            Assert.Contains("Platform.Abstractions", References(Path.Combine(buildFolder, "Platform.Plugins.Vitrine.dll")));
            Assert.DoesNotContain("Platform.Host", References(Path.Combine(buildFolder, "Platform.Plugins.Vitrine.dll")));
            Assert.False(File.Exists(Path.Combine(buildFolder, "Platform.Abstractions.dll")), "the contract must not be copied into the plugin");

            using var host = new PluginTestHost(buildFolder);
            Assert.Equal(PluginStatus.Loaded, host.PluginStatusOf("Vitrine").Status);
            using var member = await host.SignInAsMemberAsync("prod-iaa");
            Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync("/c/prod-iaa/vitrine")).StatusCode);

            await host.EnableAsync("prod-iaa");

            var (response, page) = await member.GetPageAsync("/c/prod-iaa/vitrine");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Vitrine du réseau — PROD'IAA", page.QuerySelector("h1")?.TextContent);
            Assert.Contains(page.QuerySelectorAll("nav a"), a => a.TextContent == "Vitrine du réseau");
            Assert.NotNull(page.QuerySelector("#ideas-empty"));
            var stylesheet = await member.Client.GetAsync("/_content/Vitrine/vitrine.css");
            Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);

            var posted = await member.PostFormAsync("/c/prod-iaa/vitrine", new() { ["Text"] = "Un salon commun des conserveries" });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var (_, after) = await member.GetPageAsync("/c/prod-iaa/vitrine");
            Assert.Contains("Un salon commun des conserveries", after.QuerySelector("#ideas")?.TextContent, StringComparison.Ordinal);
            Assert.Equal(1, await host.ScalarAsync<int>("select count(*) from vitrine_ideas"));
            Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync("/c/sotra/vitrine")).StatusCode);
        }
        finally
        {
            // The generated project with its bin/ and obj/: tens of megabytes per run.
            Tool.TryDelete(work);
        }
    }

    private static List<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }
}
