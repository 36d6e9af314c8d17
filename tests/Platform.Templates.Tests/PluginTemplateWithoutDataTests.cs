using System.Net;
using Platform.Testing;

namespace Platform.Templates.Tests;

/// <summary>The template's other shape, <c>--data false</c>: no DbContext, no migration, still a page that builds and answers.</summary>
public sealed class PluginTemplateWithoutDataTests
{
    [Fact]
    public async Task NewPluginWithoutData_BuildsAndServesItsPage()
    {
        var work = TestFolders.NewTempDirectory();
        try
        {
            var project = await Tool.NewPluginAsync(work, "Annonces", "--data", "false");
            Assert.False(Directory.Exists(Path.Combine(project, "src", "Annonces", "Data")));

            using var host = new PluginTestHost(Path.Combine(project, "artifacts", "plugins", Tool.Configuration, "Annonces"));
            await host.EnableAsync("etic");
            using var member = await host.SignInAsMemberAsync("etic");

            var (response, page) = await member.GetPageAsync(host.UrlOf("etic"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Annonces — eTIC", page.QuerySelector("h1")?.TextContent);
            Assert.Contains("Bienvenue, Sophie Martin.", page.QuerySelector("#welcome")?.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            Tool.TryDelete(work);
        }
    }
}
