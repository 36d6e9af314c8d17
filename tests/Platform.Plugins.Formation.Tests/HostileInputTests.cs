using System.Net;

namespace Platform.Plugins.Formation.Tests;

/// <summary>
/// Values found by the host's security tests (fuzzing every form): out-of-range amounts, reserved seats
/// adding up past the largest integer, a session at the end of the calendar. Each is answered with a
/// refusal, never a 5xx.
/// </summary>
public sealed class HostileInputTests(FormationHost host) : IClassFixture<FormationHost>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await host.EnableAsync(FormationHost.Carrier);
        await host.EnableAsync("prod-iaa");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-99999999999999999999")]
    public async Task AmountsBeyondAnInteger_AreRefusedAsOutOfRange(string amount)
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var budget = await animator.PostFieldsAsync(host.Url(),
            [new("Input.Title", "Programme hors limites"), new("Input.Budget", amount), new("Input.Themes", "Anglais")]);
        Assert.Equal(HttpStatusCode.BadRequest, budget.StatusCode);
        Assert.Contains("L'enveloppe va de 1 € à 10 000 000 €.", WebUtility.HtmlDecode(await budget.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var id = await host.CreateProgrammeAsync(animator, 50_000m, ["prod-iaa"], "Prospection commerciale");
        await host.ProgrammeReadyForSessionsAsync(id, animator, member, 2000m);
        var specification = await host.ScalarAsync<long>("select id from formation_specifications where programmeid = $p", ("$p", id));
        var plan = host.Url($"/programmes/{id}/cahiers-des-charges");
        var cost = await animator.PostFieldsAsync(plan + "?handler=Module",
        [
            new("Module.SpecificationId", specification.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Module.Title", "Module hors limites"),
            new("Module.DurationHours", "7"), new("Module.MinParticipants", "2"), new("Module.MaxParticipants", "12"),
            new("Module.TrainingBody", "Sud Management"), new("Module.SessionCost", amount),
        ], plan);
        Assert.Equal(HttpStatusCode.BadRequest, cost.StatusCode);
        Assert.Contains("Le coût va de 0 à 1 000 000 €.", WebUtility.HtmlDecode(await cost.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

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
