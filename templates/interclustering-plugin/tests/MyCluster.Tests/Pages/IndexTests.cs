using System.Net;

namespace Platform.Plugins.MyCluster.Tests.Pages;

public sealed class IndexTests(MyClusterHost host) : IClassFixture<MyClusterHost>
{
    [Fact]
    public async Task Page_IsServedOnlyWhereTheModuleIsEnabled()
    {
        using var member = await host.SignInAsMemberAsync("sotra");
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(host.UrlOf("sotra"))).StatusCode);

        await host.EnableAsync("sotra");

        var (response, page) = await member.GetPageAsync(host.UrlOf("sotra"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("MODULE_TITLE — SOTRA", page.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(host.UrlOf("ciel"))).StatusCode);
    }
//#if (data)

    [Fact]
    public async Task ProposingAnIdea_ShowsItAndStoresItInThePluginTable()
    {
        await host.EnableAsync("promobois");
        using var member = await host.SignInAsMemberAsync("promobois");

        var posted = await member.PostFormAsync(host.UrlOf("promobois"), new() { ["Text"] = "Mutualiser un séchoir à bois" });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, page) = await member.GetPageAsync(host.UrlOf("promobois"));
        Assert.Contains("Mutualiser un séchoir à bois", page.QuerySelector("#ideas")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await host.ScalarAsync<int>("select count(*) from mycluster_ideas where Text = $text", ("$text", "Mutualiser un séchoir à bois")));
    }

    [Fact]
    public async Task BlankIdea_IsRefusedWithAFrenchMessage()
    {
        await host.EnableAsync("eclair");
        using var member = await host.SignInAsMemberAsync("eclair");

        var posted = await member.PostFormAsync(host.UrlOf("eclair"), new() { ["Text"] = "   " });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Écrivez votre idée.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
//#endif
}
