using System.Globalization;
using System.Net;
using Platform.Testing;

namespace Platform.Plugins.Formation.Tests;

/// <summary>
/// The real host on a temporary database with the demo networks and accounts, this plugin loaded from
/// its build folder, and a clock the tests move (release and go/no-go dates, attendance after a session).
/// </summary>
public sealed class FormationHost : PluginTestHost
{
    public const string Carrier = "fruits-legumes-nutrition-sante";

    private int _sequence;

    public FormationHost()
        : base(BuildFolderOf(typeof(FormationHost).Assembly))
    {
        Clock = new TestClock(DateTimeOffset.UtcNow);
    }

    public DateTime Now => Clock!.GetUtcNow().UtcDateTime;

    /// <summary>A value for a <c>datetime-local</c> field: Paris wall-clock time.</summary>
    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public string Url(string page = "", string network = Carrier) => UrlOf(network, page);

    /// <summary>The carrier's animator starts a programme through the home page's form; returns its id.</summary>
    public async Task<int> CreateProgrammeAsync(WebSession animator, decimal budget, string[] partners, params string[] themes)
    {
        var ids = await NetworkIdsAsync();
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = $"Programme de test {Interlocked.Increment(ref _sequence)}",
            ["Input.Budget"] = budget.ToString(CultureInfo.InvariantCulture),
            ["Input.TargetTrainees"] = "50",
            ["Input.Themes"] = string.Join("\n", themes),
        };
        var content = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(partners.Select(p => new KeyValuePair<string, string>("Input.PartnerNetworkIds", ids[p].ToString(CultureInfo.InvariantCulture))));
        var response = await animator.PostFieldsAsync(Url(), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Takes a programme to the sessions phase with one module; returns the module's id.</summary>
    public async Task<int> ProgrammeReadyForSessionsAsync(int programmeId, WebSession animator, WebSession member, decimal sessionCost, int min = 2, int max = 12, int hours = 14)
    {
        var theme = await ScalarAsync<long>("select id from formation_themes where programmeid = $p order by id limit 1", ("$p", programmeId));
        await AssertRedirectAsync(await member.PostFieldsAsync(Url($"/programmes/{programmeId}/besoins"),
            [new("Input.ThemeIds", theme.ToString(CultureInfo.InvariantCulture)), new("Input.Employees", "4"), new("Input.PreferredPeriod", "Any")]));
        await AssertRedirectAsync(await AdvanceAsync(animator, programmeId));
        await AssertRedirectAsync(await animator.PostFieldsAsync(Url($"/programmes/{programmeId}/cahiers-des-charges?handler=Specification"),
            [new("Specification.Title", "Compétences transverses"), new("Specification.ThemeIds", theme.ToString(CultureInfo.InvariantCulture))],
            Url($"/programmes/{programmeId}/cahiers-des-charges")));
        var specification = await ScalarAsync<long>("select id from formation_specifications where programmeid = $p", ("$p", programmeId));
        await AssertRedirectAsync(await animator.PostFieldsAsync(Url($"/programmes/{programmeId}/cahiers-des-charges?handler=Module"),
        [
            new("Module.SpecificationId", specification.ToString(CultureInfo.InvariantCulture)), new("Module.Title", "Optimiser sa prospection commerciale"),
            new("Module.DurationHours", hours.ToString(CultureInfo.InvariantCulture)), new("Module.MinParticipants", min.ToString(CultureInfo.InvariantCulture)),
            new("Module.MaxParticipants", max.ToString(CultureInfo.InvariantCulture)), new("Module.TrainingBody", "Sud Management"),
            new("Module.SessionCost", sessionCost.ToString(CultureInfo.InvariantCulture)),
        ], Url($"/programmes/{programmeId}/cahiers-des-charges")));
        await AssertRedirectAsync(await AdvanceAsync(animator, programmeId));
        return (int)await ScalarAsync<long>("select id from formation_modules where programmeid = $p", ("$p", programmeId));
    }

    public Task<HttpResponseMessage> AdvanceAsync(WebSession animator, int programmeId) =>
        animator.PostFieldsAsync(Url($"/programmes/{programmeId}?handler=Advance"), [], Url($"/programmes/{programmeId}"));

    /// <summary>Plans a session starting in <paramref name="startIn"/>, with seats reserved per network slug.</summary>
    public async Task<HttpResponseMessage> PlanSessionAsync(WebSession animator, int programmeId, int moduleId, int seats, TimeSpan startIn, TimeSpan releaseBefore, params (string Network, int Seats)[] quotas)
    {
        var ids = await NetworkIdsAsync();
        var start = Now.Add(startIn);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.ModuleId", moduleId.ToString(CultureInfo.InvariantCulture)),
            new("Input.Start", Local(start)),
            new("Input.End", Local(start.AddHours(7))),
            new("Input.Place", "Agropole, Estillac"),
            new("Input.Seats", seats.ToString(CultureInfo.InvariantCulture)),
            new("Input.ReleaseAt", Local(start - releaseBefore)),
            new("Input.GoNoGoAt", Local(start.AddDays(-2))),
        };
        fields.AddRange(quotas.Select(q => new KeyValuePair<string, string>($"Input.Quotas[{ids[q.Network]}]", q.Seats.ToString(CultureInfo.InvariantCulture))));
        return await animator.PostFieldsAsync(Url($"/programmes/{programmeId}/sessions/nouvelle"), fields);
    }

    public Task<HttpResponseMessage> EnrolAsync(WebSession member, string network, long sessionId, string name) =>
        member.PostFieldsAsync(Url($"/sessions/{sessionId}?handler=Enrol", network), [new("Trainee.Name", name)], Url($"/sessions/{sessionId}", network));

    public async Task<long> LastSessionIdAsync(int programmeId) =>
        await ScalarAsync<long>("select max(id) from formation_sessions where programmeid = $p", ("$p", programmeId));

    public async Task<IReadOnlyDictionary<string, int>> NetworkIdsAsync() =>
        (await QueryAsync("select Id, Slug from Networks")).ToDictionary(r => (string)r["Slug"]!, r => Convert.ToInt32(r["Id"], CultureInfo.InvariantCulture));

    /// <summary>Asserts a redirect (the form was accepted); otherwise fails with the page's error messages.</summary>
    public static async Task AssertRedirectAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var errors = string.Join(" | ", html.QuerySelectorAll(".text-danger, .validation-summary-errors li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
            var main = html.QuerySelector("main")?.TextContent.Trim() ?? "";
            Assert.Fail($"Expected a redirect, got {(int)response.StatusCode}: {(errors.Length > 0 ? errors : main[..Math.Min(main.Length, 300)])}");
        }
    }

}
