using System.Diagnostics;
using System.Globalization;
using Platform.Bench.Runner;
using Platform.Bench.Runner.Data;

// bench/run [--smoke | --pledges [host folder]]: data sets, host and baseline, load, one table. See bench/README.md.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var pledgesOnly = args.Contains("--pledges");
var settings = args.Contains("--smoke") ? BenchSettings.SmokeRun : pledgesOnly ? BenchSettings.PledgesOnly : BenchSettings.Full;
var paths = new BenchPaths(BenchPaths.FindRepoRoot());
var startedUtc = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
var loadAtStart = Machine.LoadAverage();
void Say(string message) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");

if (Directory.Exists(paths.Work))
{
    Directory.Delete(paths.Work, recursive: true);
}

Directory.CreateDirectory(paths.Work);
var certificate = BenchCertificate.Create(paths.File("bench.pfx"));
var plugins = BenchPlugins.LayOut(paths);
Say($"Plugins for the bench host: {string.Join(", ", plugins)}");

var datasets = new List<BenchData>();
var suggestionsComputed = new Dictionary<int, TimeSpan>();
foreach (var companies in settings.CompanyCounts)
{
    var database = paths.Database(companies);
    var environment = BenchHost.Environment(paths, database, certificate);
    // The host's CLI migrates a new database (schema, indexes, FTS5 triggers) before it lists modules.
    await AppProcess.RunCommandAsync(paths.HostDll, environment, "modules", "list");
    var data = BenchDataGenerator.Fill(database, companies, settings);
    foreach (var plugin in plugins)
    {
        await AppProcess.RunCommandAsync(paths.HostDll, environment, "modules", "approve", plugin);
    }

    await AppProcess.RunCommandAsync(paths.HostDll, environment, "modules", "enable", BenchPlugins.GatePluginId, "--network", data.GateNetworkSlug);
    // As operators do after an import (README « Deploying »): the site would compute them in the background, at half a core,
    // while the bench measures it.
    var computing = Stopwatch.StartNew();
    await AppProcess.RunCommandAsync(paths.HostDll, environment, "annuaire", "suggestions");
    suggestionsComputed[companies] = computing.Elapsed;
    datasets.Add(data);
    Say($"Data set: {companies:N0} companies, {settings.Networks} networks, {settings.Events:N0} events, {settings.Queues:N0} queues; suggestions computed in {computing.Elapsed.TotalSeconds:N1} s");
}

var bench = new BenchHost(paths, settings, certificate, Say);
if (pledgesOnly)
{
    var otherHost = args.SkipWhile(a => a != "--pledges").Skip(1).FirstOrDefault();
    var pledges = await new PledgeComparison(bench, Say).RunAsync(datasets[0], otherHost);
    File.WriteAllText(paths.File("pledges.md"), pledges);
    Console.WriteLine();
    Console.WriteLine($"Pledges, {startedUtc:yyyy-MM-dd HH:mm} UTC, {Machine.Describe()}, load average {loadAtStart} at the start, {Machine.LoadAverage()} at the end:");
    Console.WriteLine(pledges);
    return 0;
}

var report = new Report(settings);
var searchP50 = new Dictionary<int, double>();
var largest = datasets[^1];
AppProcess? baseline = null;
try
{
    var startUps = new List<TimeSpan>();
    for (var launch = 1; launch < BenchSettings.StartUpLaunches; launch++)
    {
        await using var launched = await bench.StartHostAsync(largest);
        startUps.Add(launched.StartUp);
    }

    await using (var host = await bench.StartHostAsync(largest))
    {
        startUps.Add(host.StartUp);
        var startUp = startUps.Order().ElementAt(startUps.Count / 2);
        report.Figures.Add(new FigureRow($"Start-up to the first 200 on / (all plugins), median of {startUps.Count} launches",
            $"{startUp.TotalMilliseconds:N0} ms ({startUps.Min().TotalMilliseconds:N0}–{startUps.Max().TotalMilliseconds:N0})", "< 2 000 ms", startUp < TimeSpan.FromSeconds(2)));
        var computed = suggestionsComputed[largest.Companies];
        report.Figures.Add(new FigureRow($"Suggestions computed ahead, {largest.Companies:N0} companies (`annuaire suggestions`, one thread)",
            $"{computed.TotalSeconds:N0} s ({computed.TotalMilliseconds / largest.Companies:N2} ms a company)", "", null));
        // It keeps running for the search computed on every request, below.
        baseline = await bench.StartBaselineAsync(largest);
        var (staticPage, efPage) = await bench.MeasureBaselineAsync();
        report.Baseline.Add(new PageRow("Baseline: static page (size of the host's home)", staticPage, null, "reference", null));
        report.Baseline.Add(new PageRow("Baseline: 20 rows with EF Core", efPage, null, "reference", null));

        var pages = await bench.MeasureHostPagesAsync(largest);
        foreach (var (name, compared) in pages.Reads)
        {
            report.Pages.Add(ReadRow(name, compared));
        }

        report.Pages.Insert(1, SearchRow($"Directory search, {largest.Companies:N0} companies (results kept)", pages.Search));
        report.Pages.Add(ReadRow("Networks: host page /reseaux", pages.HostPage));
        report.Pages.Add(new PageRow("Networks: plugin page /c/{network}/benchgate", pages.PluginPage.Page, pages.PluginPage.Ratio,
            "≥ 90 % of the host page", pages.PluginPage.Ratio >= 0.9, pages.PluginPage.Reference));
        report.Pages.Add(new PageRow("Pledge (signed-in form post)", pages.Pledge, null, "≥ 2 000/s, p99 < 50 ms, no error",
            pages.Pledge.RequestsPerSecond >= 2000 && pages.Pledge.P99Ms < 50 && pages.Pledge.Errors == 0));
        // The issue's 300 MB are 300 000 000 bytes (dotnet-counters' MB too): 286 MiB.
        var rss = host.PeakRssMiB();
        var rssMegabytes = rss * 1024 * 1024 / 1_000_000;
        report.Figures.Add(new FigureRow("Peak RSS of the host (VmHWM)", $"{rss:N0} MiB ({rssMegabytes:N0} MB)", "< 300 MB (286 MiB)", rssMegabytes < 300));
        report.Figures.Add(new FigureRow("Home page vs baseline static page", $"{pages.HomeToStatic.Ratio * 100:0} %", "", null));
    }

    // The same searches on a host that computes each one, as it does for the first reader after the directory
    // changed: what the index and the page cost. The p50 at each data size is taken from such hosts.
    await using (var host = await bench.StartHostAsync(largest, keepSearchResults: false))
    {
        var computed = await bench.MeasureSearchAsync(largest);
        searchP50[largest.Companies] = computed.Page.P50Ms;
        report.Pages.Insert(2, SearchRow($"Directory search, {largest.Companies:N0} companies (every search computed)", computed));
    }
}
finally
{
    if (baseline is not null)
    {
        await baseline.DisposeAsync();
    }
}

foreach (var data in datasets.SkipLast(1))
{
    await using var host = await bench.StartHostAsync(data, keepSearchResults: false);
    searchP50[data.Companies] = (await bench.MeasureSearchAsync(data, settings.ScaleMeasure)).P50Ms;
}

foreach (var (companies, p50) in searchP50.OrderBy(p => p.Key))
{
    report.Figures.Add(new FigureRow($"Directory search p50, {companies:N0} companies", $"{p50:0.0} ms", "", null));
}

var smallest = searchP50.MinBy(p => p.Key);
if (searchP50.Count > 1)
{
    var growth = searchP50[largest.Companies] / smallest.Value;
    report.Figures.Add(new FigureRow($"Search p50 {largest.Companies:N0} / {smallest.Key:N0} companies", $"{growth:0.00}×", "≤ 2×", growth <= 2));
}

var table = report.ToMarkdown(startedUtc, Machine.Describe(), $"load average (1/5/15 min) {loadAtStart} at the start, {Machine.LoadAverage()} at the end",
    DeploymentEnvironment.Read(DeploymentEnvironment.File(paths)));
File.WriteAllText(paths.File("results.md"), table);
Console.WriteLine();
Console.WriteLine(table);
Say($"Done; the table is also in {paths.File("results.md")}");
if (report.HasErrors)
{
    Console.Error.WriteLine("Some pages answered errors (non-2xx/3xx or socket errors): the harness or the host is broken; see artifacts/bench/*.log.");
    return 1;
}

return 0;

static PageRow SearchRow(string name, Compared search) =>
    new(name, search.Page, search.Ratio, "≥ 35 % of EF 20 rows, p99 < 30 ms", search.Ratio >= 0.35 && search.Page.P99Ms < 30, search.Reference);

static PageRow ReadRow(string name, Compared compared) =>
    new(name, compared.Page, compared.Ratio, "≥ 50 % of EF 20 rows", compared.Ratio >= 0.5, compared.Reference);
