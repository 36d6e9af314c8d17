using System.Net;

namespace Platform.Plugins.Formation.Tests;

/// <summary>The plugin answers only where an administrator enabled it, and a programme only in its own networks.</summary>
public sealed class EnablementTests(FormationHost host) : IClassFixture<FormationHost>
{
    [Fact]
    public async Task Pages_Answer404_WhereThePluginIsNotEnabled()
    {
        using var anonymous = host.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync(host.Url("", "ciel"))).Response.StatusCode);

        await host.EnableAsync("ciel");
        var (enabled, page) = await anonymous.GetPageAsync(host.Url("", "ciel"));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal("Formations inter-clusters", page.QuerySelector("h1")?.TextContent);

        await host.DisableAsync("ciel");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync(host.Url("", "ciel"))).Response.StatusCode);
    }

    [Fact]
    public async Task Programme_Answers404_FromANetworkOutsideIt()
    {
        await host.EnableAsync(FormationHost.Carrier);
        await host.EnableAsync("adebag");
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 1_000m, ["prod-iaa"], "Anglais");

        Assert.Equal(HttpStatusCode.OK, (await animator.GetPageAsync(host.Url($"/programmes/{id}"))).Response.StatusCode);
        using var other = await host.SignInAsAnimatorAsync("adebag");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetPageAsync(host.Url($"/programmes/{id}", "adebag"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetPageAsync(host.Url($"/programmes/{id}/bilan", "adebag"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetPageAsync(host.Url("/programmes/999999", "adebag"))).Response.StatusCode);
    }
}
