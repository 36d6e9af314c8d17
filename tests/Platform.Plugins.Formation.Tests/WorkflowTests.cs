using System.Net;
using Platform.Testing;

namespace Platform.Plugins.Formation.Tests;

/// <summary>A programme's phases: each moves forward only once the previous one has produced what it needs.</summary>
public sealed class WorkflowTests(FormationHost host) : IClassFixture<FormationHost>, IAsyncLifetime
{
    public async Task InitializeAsync() => await host.EnableAsync(FormationHost.Carrier);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Programme_GoesFromNeedsToCompleted_OnlyWhenEachPhaseIsDone()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 20_000m, ["prod-iaa"], "Anglais professionnel", "Éco-conception");
        Assert.Equal("NeedsCollection", await PhaseAsync(id));

        // No answer yet: the needs collection cannot close.
        var refused = await host.AdvanceAsync(animator, id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Aucune entreprise n'a encore exprimé de besoin", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("NeedsCollection", await PhaseAsync(id));

        var moduleId = await host.ProgrammeReadyForSessionsAsync(id, animator, member, 1500m);
        Assert.Equal("Sessions", await PhaseAsync(id));

        // A planned session without attendance keeps the programme open.
        Assert.Equal(HttpStatusCode.Redirect, (await host.PlanSessionAsync(animator, id, moduleId, 10, TimeSpan.FromDays(20), TimeSpan.FromDays(7))).StatusCode);
        var sessionId = await host.LastSessionIdAsync(id);
        Assert.Equal(HttpStatusCode.Redirect, (await host.EnrolAsync(member, FormationHost.Carrier, sessionId, "Camille Garcia")).StatusCode);
        var early = await host.AdvanceAsync(animator, id);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("feuille de présence", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        host.Clock!.Advance(TimeSpan.FromDays(21));
        using var animatorLater = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        var enrolment = await host.ScalarAsync<long>("select id from formation_enrolments where sessionid = $s", ("$s", sessionId));
        Assert.Equal(HttpStatusCode.Redirect, (await animatorLater.PostFieldsAsync(host.Url($"/sessions/{sessionId}?handler=Attendance"),
            [new("present", enrolment.ToString(System.Globalization.CultureInfo.InvariantCulture))], host.Url($"/sessions/{sessionId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.AdvanceAsync(animatorLater, id)).StatusCode);
        Assert.Equal("Completed", await PhaseAsync(id));
        Assert.Equal(1L, await host.ScalarAsync<long>("select attended from formation_enrolments where id = $e", ("$e", enrolment)));
    }

    [Fact]
    public async Task NeedsAnswers_AreAggregatedPerThemeAndNetwork_AndRefusedOnceTheCollectionIsClosed()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 10_000m, ["prod-iaa"], "Anglais professionnel", "Cybersécurité");
        var themes = await host.QueryAsync("select id, name from formation_themes where programmeid = $p order by name", ("$p", id));
        var url = host.Url($"/programmes/{id}/besoins");
        var cyber = themes[1]["Id"]!.ToString()!;

        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFieldsAsync(url,
            [new("Input.ThemeIds", themes[0]["Id"]!.ToString()!), new("Input.ThemeIds", cyber), new("Input.Employees", "7"), new("Input.PreferredPeriod", "SecondQuarter")])).StatusCode);
        // Answering again replaces the answer: still one response.
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFieldsAsync(url,
            [new("Input.ThemeIds", cyber), new("Input.Employees", "5"), new("Input.PreferredPeriod", "Any")])).StatusCode);
        Assert.Equal(1L, await host.ScalarAsync<long>("select count(*) from formation_need_responses where programmeid = $p", ("$p", id)));

        var (_, page) = await animator.GetPageAsync(url);
        var cyberRow = page.QuerySelector("#needs-summary tr[data-theme='Cybersécurité'] td[data-total]")?.TextContent;
        Assert.Equal("1 / 5", cyberRow?.Trim());
        Assert.Equal("0 / 0", page.QuerySelector("#needs-summary tr[data-theme='Anglais professionnel'] td[data-total]")?.TextContent.Trim());

        // Bad input changes nothing.
        var empty = await member.PostFieldsAsync(url, [new("Input.Employees", "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Cochez au moins un thème", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await host.AdvanceAsync(animator, id)).StatusCode);
        var late = await member.PostWithoutFormAsync(url, [new("Input.ThemeIds", cyber), new("Input.Employees", "9")]);
        Assert.Equal("/compte/acces-refuse", late.Headers.Location?.AbsolutePath);
        Assert.Equal(5L, await host.ScalarAsync<long>("select employees from formation_need_responses where programmeid = $p", ("$p", id)));
    }

    [Fact]
    public async Task MembersAndOtherAnimators_CannotManageTheProgramme()
    {
        using var animator = await host.SignInAsAnimatorAsync(FormationHost.Carrier);
        using var member = await host.SignInAsMemberAsync(FormationHost.Carrier);
        var id = await host.CreateProgrammeAsync(animator, 10_000m, ["prod-iaa"], "Anglais professionnel");

        // The page offers the member no such form: posted anyway.
        var byMember = await member.PostWithoutFormAsync(host.Url($"/programmes/{id}?handler=Advance"), []);
        Assert.Equal(HttpStatusCode.Redirect, byMember.StatusCode);
        Assert.Equal("/compte/acces-refuse", byMember.Headers.Location?.AbsolutePath);
        Assert.Equal("NeedsCollection", await PhaseAsync(id));

        // The report and meetings are for the programme's animators; a member gets 404.
        var (report, _) = await member.GetPageAsync(host.Url($"/programmes/{id}/bilan"));
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        await host.EnableAsync("prod-iaa");
        using var partner = await host.SignInAsAnimatorAsync("prod-iaa");
        var (partnerReport, _) = await partner.GetPageAsync(host.Url($"/programmes/{id}/bilan", "prod-iaa"));
        Assert.Equal(HttpStatusCode.OK, partnerReport.StatusCode);
    }

    private async Task<string> PhaseAsync(int id) =>
        (await host.ScalarAsync<long>("select phase from formation_programmes where id = $p", ("$p", id))) switch
        {
            0 => "NeedsCollection",
            1 => "Specification",
            2 => "Sessions",
            _ => "Completed",
        };
}
