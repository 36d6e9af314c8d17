using System.Globalization;
using Platform.Bench.Runner.Data;

namespace Platform.Bench.Runner;

/// <summary>A page and the page its ratio is taken against, measured in turn (<see cref="Wrk.MeasureInTurnAsync"/>).</summary>
public sealed record Compared(LoadResult Page, LoadResult Reference)
{
    public double Ratio => Reference.RequestsPerSecond > 0 ? Page.RequestsPerSecond / Reference.RequestsPerSecond : 0;
}

/// <summary>
/// What the host's pages measured: each read page against the baseline's EF page; the home page against
/// the static page too; the plugin page against the host's <c>/reseaux</c>.
/// </summary>
public sealed record HostPages(
    IReadOnlyList<(string Name, Compared Result)> Reads, Compared HomeToStatic, Compared Search, Compared HostPage, Compared PluginPage, LoadResult Pledge);

/// <summary>Starts the host and the baseline as a person would run them in production, and loads their pages.</summary>
public sealed class BenchHost(BenchPaths paths, BenchSettings settings, string certificate, Action<string> say)
{
    private static readonly Uri HostUri = new($"https://127.0.0.1:{BenchSettings.HostPort}");
    private static readonly Uri BaselineUri = new($"https://127.0.0.1:{BenchSettings.BaselinePort}");

    /// <summary>The host started last: its memory is logged after each page, to tell which page raises the peak.</summary>
    private AppProcess? _host;

    /// <summary>
    /// The host as deployed (<see cref="DeploymentEnvironment"/>), with a bench database. The rate limits (20 sign-ins and 120 writes a minute
    /// per user by default) are raised: the bench posts thousands of pledges a second for 16 members.
    /// <paramref name="keepSearchResults"/> false: the search page computes every search (<c>Search:KeepResults</c>),
    /// as it does for a search nobody asked since the directory last changed.
    /// </summary>
    public static Dictionary<string, string> Environment(BenchPaths paths, string database, string certificate, bool keepSearchResults = true)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new Dictionary<string, string>(DeploymentEnvironment.Read(DeploymentEnvironment.File(paths)), StringComparer.Ordinal)
        {
            ["Search__KeepResults"] = keepSearchResults ? "true" : "false",
            ["ASPNETCORE_URLS"] = HostUri.ToString(),
            ["Kestrel__Certificates__Default__Path"] = certificate,
            ["Kestrel__Certificates__Default__Password"] = BenchCertificate.Password,
            ["Database__Path"] = database,
            ["Plugins__Path"] = paths.Plugins,
            ["Demo__Enabled"] = "false",
            ["Mail__PickupDirectory"] = paths.File("mail"),
            ["RateLimits__SignInPerMinute"] = "100000",
            ["RateLimits__WritesPerMinute"] = "100000000",
        };
    }

    /// <param name="hostDll">Another published host than this build's (<c>bench/run --pledges</c>, <see cref="PledgeComparison"/>).</param>
    public async Task<AppProcess> StartHostAsync(BenchData data, bool keepSearchResults = true, string? hostDll = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var host = await AppProcess.StartAsync(hostDll ?? paths.HostDll, Environment(paths, paths.Database(data.Companies), certificate, keepSearchResults), HostUri, "/",
            paths.File($"host-{data.Companies}{(keepSearchResults ? "" : "-computed")}.log"));
        say($"Host up on {data.Companies:N0} companies{(keepSearchResults ? "" : ", every search computed")} in {host.StartUp.TotalMilliseconds:N0} ms (pid {host.Id}); {Memory(host)}");
        _host = host;
        return host;
    }

    /// <summary>
    /// The reference app on the same database, with a static page the size of the host's rendered home
    /// page. It keeps running while the host's pages are measured, each in turn with it.
    /// </summary>
    public async Task<AppProcess> StartBaselineAsync(BenchData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using (var http = Http.CreateClient(HostUri))
        {
            await File.WriteAllTextAsync(paths.File("home.html"), await http.GetStringAsync(new Uri("/", UriKind.Relative)));
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = BaselineUri.ToString(),
            ["Kestrel__Certificates__Default__Path"] = certificate,
            ["Kestrel__Certificates__Default__Password"] = BenchCertificate.Password,
            ["Baseline__Database"] = paths.Database(data.Companies),
            ["Baseline__StaticPage"] = paths.File("home.html"),
        };
        return await AppProcess.StartAsync(paths.BaselineDll, environment, BaselineUri, "/statique", paths.File("baseline.log"));
    }

    /// <summary>The baseline's two pages on their own, for the table's reference rows (the ratios use those measured in turn).</summary>
    public async Task<(LoadResult Static, LoadResult Ef)> MeasureBaselineAsync() =>
        (await GetAsync(StaticPage, settings.WarmUp), await GetAsync(EfPage, settings.WarmUp));

    public async Task<HostPages> MeasureHostPagesAsync(BenchData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sessions = await MemberSessions.SignInAsync(HostUri, data.MemberEmails, BenchDataGenerator.MemberPassword, data.PledgeQueueId);
        say($"{sessions.Count} members signed in");
        var member = sessions[0].Cookie;
        var home = await InTurnAsync(HostPage("home", ["/"]), EfPage, StaticPage);
        var reads = new List<(string, Compared)>
        {
            ("Home /", new Compared(home[0], home[1])),
            ("Company page /annuaire/entreprises/{id}", await AgainstEfAsync(HostPage("company", data.CompanyIds.Select(id => $"/annuaire/entreprises/{Id(id)}")))),
            ("Company page, its first view (suggestions stored)", await AgainstEfAsync(HostPage("company-first-view", data.UnviewedCompanyIds.Select(id => $"/annuaire/entreprises/{Id(id)}")))),
            ("Statistics /annuaire/statistiques", await AgainstEfAsync(HostPage("statistics", ["/annuaire/statistiques"]))),
            ("Agenda /agenda", await AgainstEfAsync(HostPage("agenda", ["/agenda"]))),
            ("Event page /agenda/{id}", await AgainstEfAsync(HostPage("event", data.UpcomingEventIds.Select(id => $"/agenda/{Id(id)}")))),
            ("Network iCal feed /c/{network}/agenda.ics", await AgainstEfAsync(HostPage("ical", data.NetworkSlugs.Select(slug => $"/c/{slug}/agenda.ics")))),
            ("Purchasing queue /achats/{id} (member)", await AgainstEfAsync(HostPage("queue", data.MemberQueueIds.Select(id => $"/achats/{Id(id)}"), member))),
        };
        var search = await AgainstEfAsync(SearchPage(data));
        var networks = HostPage("networks", ["/reseaux"]);
        var hostPage = await AgainstEfAsync(networks);
        // The plugin page in turn with /reseaux alone: with the baseline's page in the same turn, /reseaux always came
        // after the host had rested for the baseline's slice, and the plugin page always after /reseaux (bench/README.md).
        var pluginPage = await InTurnAsync(networks, HostPage("gate", [$"/c/{data.GateNetworkSlug}/benchgate"]));

        var pledge = await MeasurePledgesAsync(data, sessions);
        return new HostPages(reads, new Compared(home[0], home[2]), search, hostPage, new Compared(pluginPage[1], pluginPage[0]), pledge);
    }

    /// <summary>The pledge form posts of the members (signed in now if <paramref name="sessions"/> is null) on the bench queue.</summary>
    public async Task<LoadResult> MeasurePledgesAsync(BenchData data, IReadOnlyList<MemberSession>? sessions = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        sessions ??= await MemberSessions.SignInAsync(HostUri, data.MemberEmails, BenchDataGenerator.MemberPassword, data.PledgeQueueId);
        var sessionsFile = paths.File("sessions.txt");
        MemberSessions.Write(sessionsFile, sessions);
        say("pledge");
        var pledge = await Wrk.MeasureAsync(new WrkTarget(HostUri, Wrk.Script(paths.Work, "pledge"),
            [sessionsFile, Id(data.PledgeQueueId), BenchSettings.Threads.ToString(CultureInfo.InvariantCulture)], settings.WarmUp), settings.Measure);
        SayHostMemory();
        return Reported("pledge", pledge);
    }

    /// <summary>The directory search against the baseline's EF page, in turn (the baseline still running).</summary>
    public Task<Compared> MeasureSearchAsync(BenchData data) => AgainstEfAsync(SearchPage(data));

    /// <summary>The directory search alone, for its latency at each data size.</summary>
    public Task<LoadResult> MeasureSearchAsync(BenchData data, TimeSpan measure) => GetAsync(SearchPage(data), measure);

    /// <summary>The baseline's pages: warmed up for the full time once (<see cref="MeasureBaselineAsync"/>), briefly again before each turn.</summary>
    private Page StaticPage => BaselinePage("baseline static", "/statique");

    private Page EfPage => BaselinePage("baseline EF", "/entreprises");

    private Page BaselinePage(string name, string url) =>
        new(name, [url], new WrkTarget(BaselineUri, Wrk.Script(paths.Work, "paths"), [paths.File(name + ".paths")], settings.WarmUp / 10));

    private Page HostPage(string name, IEnumerable<string> urls, string? cookie = null)
    {
        var list = paths.File(name + ".paths");
        return new(name, [.. urls], new WrkTarget(HostUri, Wrk.Script(paths.Work, "paths"), cookie is null ? [list] : [list, cookie], settings.WarmUp));
    }

    private Page SearchPage(BenchData data) =>
        HostPage($"search-{data.Companies}", data.SearchQueries.Select(q => "/annuaire?q=" + Uri.EscapeDataString(q)));

    private async Task<LoadResult> GetAsync(Page page, TimeSpan measure)
    {
        say(page.Name);
        await page.WriteUrlsAsync(paths);
        var result = await Wrk.MeasureAsync(page.Target with { WarmUp = settings.WarmUp }, measure);
        SayHostMemory();
        return Reported(page.Name, result);
    }

    private async Task<Compared> AgainstEfAsync(Page page)
    {
        var results = await InTurnAsync(page, EfPage);
        return new Compared(results[0], results[1]);
    }

    /// <summary>Pages the table compares with each other, measured in turn (<see cref="Wrk.MeasureInTurnAsync"/>).</summary>
    private async Task<IReadOnlyList<LoadResult>> InTurnAsync(params Page[] pages)
    {
        say(string.Join(" and ", pages.Select(p => p.Name)) + ", in turn");
        foreach (var page in pages)
        {
            await page.WriteUrlsAsync(paths);
        }

        var results = await Wrk.MeasureInTurnAsync([.. pages.Select(p => p.Target)], settings.Measure, BenchSettings.RoundsInTurn);
        SayHostMemory();
        return [.. pages.Zip(results, (page, result) => Reported(page.Name, result))];
    }

    /// <summary>A page to load: its name (and <c>.paths</c> file in the work folder), its URLs, how wrk loads it.</summary>
    private sealed record Page(string Name, IReadOnlyList<string> Urls, WrkTarget Target)
    {
        public Task WriteUrlsAsync(BenchPaths paths) => File.WriteAllLinesAsync(paths.File(Name + ".paths"), Urls);
    }

    private LoadResult Reported(string name, LoadResult result)
    {
        if (result.Errors > 0)
        {
            say($"{name}: {result.StatusErrors} answers not 2xx/3xx, {result.SocketErrors} socket errors");
        }

        return result;
    }

    private void SayHostMemory()
    {
        if (_host is { IsRunning: true } host)
        {
            say("  host " + Memory(host));
        }
    }

    private static string Memory(AppProcess host) => $"VmRSS {host.RssMiB():N0} MiB, VmHWM {host.PeakRssMiB():N0} MiB";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
