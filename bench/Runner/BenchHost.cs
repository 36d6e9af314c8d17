using System.Globalization;
using Platform.Bench.Runner.Data;

namespace Platform.Bench.Runner;

/// <summary>What the host's pages measured.</summary>
public sealed record HostPages(
    IReadOnlyList<(string Name, LoadResult Result)> Reads, LoadResult Search, LoadResult HostPage, LoadResult PluginPage, LoadResult Pledge);

/// <summary>Starts the host and the baseline as a person would run them in production, and loads their pages.</summary>
public sealed class BenchHost(BenchPaths paths, BenchSettings settings, string certificate, Action<string> say)
{
    private static readonly Uri HostUri = new($"https://127.0.0.1:{BenchSettings.HostPort}");
    private static readonly Uri BaselineUri = new($"https://127.0.0.1:{BenchSettings.BaselinePort}");

    /// <summary>
    /// The host in Production with a bench database. The rate limits (20 sign-ins and 120 writes a minute
    /// per user by default) are raised: the bench posts thousands of pledges a second for 16 members.
    /// </summary>
    public static Dictionary<string, string> Environment(BenchPaths paths, string database, string certificate)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
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

    public async Task<AppProcess> StartHostAsync(BenchData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var host = await AppProcess.StartAsync(paths.HostDll, Environment(paths, paths.Database(data.Companies), certificate), HostUri, "/",
            paths.File($"host-{data.Companies}.log"));
        say($"Host up on {data.Companies:N0} companies in {host.StartUp.TotalMilliseconds:N0} ms (pid {host.Id})");
        return host;
    }

    /// <summary>The reference app on the same database, with a static page the size of the host's rendered home page.</summary>
    public async Task<(LoadResult Static, LoadResult Ef)> MeasureBaselineAsync(BenchData data)
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
        await using var baseline = await AppProcess.StartAsync(paths.BaselineDll, environment, BaselineUri, "/statique", paths.File("baseline.log"));
        return (await GetAsync(BaselineUri, "baseline static", ["/statique"]), await GetAsync(BaselineUri, "baseline EF", ["/entreprises"]));
    }

    public async Task<HostPages> MeasureHostPagesAsync(BenchData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sessions = await MemberSessions.SignInAsync(HostUri, data.MemberEmails, BenchDataGenerator.MemberPassword, data.PledgeQueueId);
        say($"{sessions.Count} members signed in");
        var member = sessions[0].Cookie;
        var reads = new List<(string, LoadResult)>
        {
            ("Home /", await GetAsync(HostUri, "home", ["/"])),
            ("Company page /annuaire/entreprises/{id}", await GetAsync(HostUri, "company", data.CompanyIds.Select(id => $"/annuaire/entreprises/{Id(id)}"))),
            ("Statistics /annuaire/statistiques", await GetAsync(HostUri, "statistics", ["/annuaire/statistiques"])),
            ("Agenda /agenda", await GetAsync(HostUri, "agenda", ["/agenda"])),
            ("Event page /agenda/{id}", await GetAsync(HostUri, "event", data.UpcomingEventIds.Select(id => $"/agenda/{Id(id)}"))),
            ("Network iCal feed /c/{network}/agenda.ics", await GetAsync(HostUri, "ical", data.NetworkSlugs.Select(slug => $"/c/{slug}/agenda.ics"))),
            ("Purchasing queue /achats/{id} (member)", await GetAsync(HostUri, "queue", data.MemberQueueIds.Select(id => $"/achats/{Id(id)}"), member)),
        };
        var search = await MeasureSearchAsync(data, settings.Measure);
        var (hostPage, pluginPage) = await GetInTurnAsync(("networks", ["/reseaux"]), ("gate", [$"/c/{data.GateNetworkSlug}/benchgate"]));

        var sessionsFile = paths.File("sessions.txt");
        MemberSessions.Write(sessionsFile, sessions);
        say("pledge");
        var pledge = await Wrk.MeasureAsync(HostUri, Wrk.Script(paths.Work, "pledge"),
            [sessionsFile, Id(data.PledgeQueueId), BenchSettings.Threads.ToString(CultureInfo.InvariantCulture)], settings.WarmUp, settings.Measure);
        return new HostPages(reads, search, hostPage, pluginPage, Reported("pledge", pledge));
    }

    public Task<LoadResult> MeasureSearchAsync(BenchData data, TimeSpan measure)
    {
        ArgumentNullException.ThrowIfNull(data);
        return GetAsync(HostUri, $"search-{data.Companies}", data.SearchQueries.Select(q => "/annuaire?q=" + Uri.EscapeDataString(q)), measure: measure);
    }

    private async Task<LoadResult> GetAsync(Uri baseAddress, string name, IEnumerable<string> urls, string? cookie = null, TimeSpan? measure = null)
    {
        say(name);
        var list = paths.File(name + ".paths");
        await File.WriteAllLinesAsync(list, urls);
        string[] arguments = cookie is null ? [list] : [list, cookie];
        return Reported(name, await Wrk.MeasureAsync(baseAddress, Wrk.Script(paths.Work, "paths"), arguments, settings.WarmUp, measure ?? settings.Measure));
    }

    /// <summary>Two pages the table compares with each other, measured in turn (<see cref="Wrk.MeasureInTurnAsync"/>).</summary>
    private async Task<(LoadResult First, LoadResult Second)> GetInTurnAsync((string Name, string[] Urls) first, (string Name, string[] Urls) second)
    {
        say($"{first.Name} and {second.Name}, in turn");
        foreach (var (name, urls) in new[] { first, second })
        {
            await File.WriteAllLinesAsync(paths.File(name + ".paths"), urls);
        }

        var (a, b) = await Wrk.MeasureInTurnAsync(HostUri, Wrk.Script(paths.Work, "paths"),
            [paths.File(first.Name + ".paths")], [paths.File(second.Name + ".paths")], settings.WarmUp, settings.Measure, BenchSettings.RoundsInTurn);
        return (Reported(first.Name, a), Reported(second.Name, b));
    }

    private LoadResult Reported(string name, LoadResult result)
    {
        if (result.Errors > 0)
        {
            say($"{name}: {result.StatusErrors} answers not 2xx/3xx, {result.SocketErrors} socket errors");
        }

        return result;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
