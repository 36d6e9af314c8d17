using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// Two host instances on one database file: what one changes, the other applies on the requests that start
/// <see cref="EnablementSnapshots.CheckedFor"/> after it (the requests of one millisecond share one read of the version).
/// </summary>
public sealed class CrossInstanceTests : IDisposable
{
    private readonly PlatformFactory _first = new(TestPaths.PluginFolderWith("Notes"));
    private readonly PlatformFactory _second;

    public CrossInstanceTests() => _second = new PlatformFactory(TestPaths.PluginFolderWith("Notes"), _first.DatabasePath);

    [Fact]
    public async Task EnablementChangedByAnotherInstance_AppliesOnTheNextRequest()
    {
        using var firstClient = _first.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);
        using var secondClient = _second.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await secondClient.GetAsync("/c/inoo/notes")).StatusCode);

        await SetAsync(_second, enabled: true);
        await Task.Delay(EnablementSnapshots.CheckedFor);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);

        await SetAsync(_second, enabled: false);
        await Task.Delay(EnablementSnapshots.CheckedFor);
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);
    }

    [Fact]
    public async Task RequestsOfOneMillisecond_ShareOneReadOfTheVersion_ButSeeTheirOwnInstancesChangesAtOnce()
    {
        // The first instance's clock stopped: every request falls in the millisecond of the last read.
        long now = 0;
        _first.Services.GetRequiredService<EnablementSnapshots>().Timestamp = () => now;
        using var firstClient = _first.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);

        // Changed through the first instance: its next request reads the version again.
        await SetAsync(_first, enabled: true);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);

        // Changed by the other: the first answers from its last read until a millisecond has passed.
        await SetAsync(_second, enabled: false);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);
        now += (long)(EnablementSnapshots.CheckedFor.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/c/inoo/notes")).StatusCode);
    }

    [Fact]
    public async Task NetworkCreatedByAnotherInstance_AnswersAtOnce_ThoughTheListIsKept()
    {
        using var firstClient = _first.CreateBrowser();
        // Both the list and the slug lookups now come from the first instance's copy of the networks.
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/reseaux")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await firstClient.GetAsync("/c/reseau-tout-neuf")).StatusCode);

        await _second.Services.GetRequiredService<Platform.Host.Data.DatabaseWriter>().ExecuteAsync(async (db, token) =>
        {
            db.Networks.Add(new Features.Networks.Network { Slug = "reseau-tout-neuf", Name = "Réseau tout neuf", Kind = Abstractions.Networks.NetworkKind.Club });
            return await db.SaveChangesAsync(token);
        });

        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync("/c/reseau-tout-neuf")).StatusCode);
    }

    [Fact]
    public async Task SessionOpenedOnOneInstance_IsValidOnTheOther()
    {
        // Data Protection keys and session tickets live in the shared database: a restart or a second
        // instance signs nobody out.
        var cookies = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        using var first = new BrowserSession(_first.CreateDefaultClient(new Uri("http://localhost"), cookies));
        var login = await first.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = Features.Demo.DemoSeeder.AdminEmail, ["Input.Password"] = Features.Demo.DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        using var second = _second.CreateDefaultClient(new Uri("http://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/modules");
        request.Headers.Add("Cookie", cookies.Container.GetCookieHeader(new Uri("http://localhost/")));
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(request)).StatusCode);
    }

    private static async Task SetAsync(PlatformFactory factory, bool enabled)
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<PluginEnablementService>().SetAsync("Notes", "inoo", enabled, "autre-instance");
        Assert.Equal(EnablementChange.Changed, result);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }
}
