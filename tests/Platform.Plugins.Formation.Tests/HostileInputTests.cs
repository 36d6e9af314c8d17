using System.Net;

namespace Platform.Plugins.Formation.Tests;

/// <summary>
/// Values a form accepts one by one but not together, found by the host's security tests: the session
/// form answers them with a refusal, never a 500.
/// </summary>
public sealed class HostileInputTests(FormationHost host) : IClassFixture<FormationHost>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await host.EnableAsync(FormationHost.Carrier);
        await host.EnableAsync("prod-iaa");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReservedSeatsAddingUpPastTheLargestInteger_AreRefused()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 50_000m, ["prod-iaa"], "Prospection commerciale");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, member, 2000m);

        var response = await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(30), TimeSpan.FromDays(10),
            (FormationHost.Carrier, int.MaxValue), ("prod-iaa", int.MaxValue));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dépassent les places de la session", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from formation_sessions where programmeid = $p", ("$p", id)));
    }

    [Fact]
    public async Task ASessionAtTheEndOfTheCalendar_IsRefused()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 50_000m, ["prod-iaa"], "Prospection commerciale");
        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, member, 2000m);

        var response = await host.PlanSessionAsync(animator, id, moduleId, 10, new DateTime(9999, 12, 20, 8, 0, 0, DateTimeKind.Utc) - host.Now, TimeSpan.FromDays(10));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("au plus tard", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0L, await host.ScalarAsync<long>("select count(*) from formation_sessions where programmeid = $p", ("$p", id)));
    }
}
