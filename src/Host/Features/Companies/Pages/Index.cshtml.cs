using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire</c>: one search box over companies and networks, filters, paging.</summary>
public sealed class IndexModel(
    CompanyDirectory directory, INetworkDirectory networks, IOptions<NetworkFilterOptions> filterOptions, IOptions<DirectorySearchOptions> searchOptions) : PageModel
{
    /// <summary>What a user types is cut to this length: longer, it names no company, and it would make long keys.</summary>
    public const int MaxInputLength = 200;

    /// <summary>Rendered results no reader asked for during this time leave the memory.</summary>
    public static readonly TimeSpan ResultsKeptFor = TimeSpan.FromMinutes(10);

    private DirectorySearch _search = default!;
    private long _version;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "reseau")]
    public string? Network { get; set; }

    [BindProperty(SupportsGet = true, Name = "secteur")]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true, Name = "commune")]
    public string? Commune { get; set; }

    [BindProperty(SupportsGet = true, Name = "taille")]
    public string? Size { get; set; }

    public DirectoryResults Results { get; private set; } = default!;

    public NetworkFilter NetworkFilter { get; private set; } = default!;

    public IReadOnlyList<string> Communes { get; private set; } = [];

    /// <summary>
    /// What the results depend on: the directory's version (companies, memberships, networks: decision 0006,
    /// amendment 4), the words, the filters and the page. The view keeps the rendered results under this key,
    /// the same for every reader, and searches (<see cref="LoadResultsAsync"/>) only when it renders them.
    /// </summary>
    public string ResultsKey { get; private set; } = "";

    public bool KeepResults => searchOptions.Value.KeepResults;

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrEmpty(Network) || !string.IsNullOrEmpty(Sector) || !string.IsNullOrEmpty(Commune) || !string.IsNullOrEmpty(Size);

    public async Task OnGetAsync()
    {
        // A page number a user typed by hand (« abc », « -3 ») is page 1, not an error.
        // « page » is also Razor Pages' own route value: read the query string itself.
        var page = int.TryParse(Request.Query["page"], out var p) && p > 0 ? Math.Min(p, 10_000) : 1;
        (Query, Network, Sector, Commune, Size) = (Cut(Query), Cut(Network), Cut(Sector), Cut(Commune), Cut(Size));
        _search = new DirectorySearch(Query, Network, Sector, Commune, Size, page);
        // The version first: results kept under it are never older than it, whoever changes the directory meanwhile.
        _version = await directory.VersionAsync(HttpContext.RequestAborted);
        ResultsKey = string.Create(CultureInfo.InvariantCulture, $"{_version}:{page}:{Part(Query)}{Part(Network)}{Part(Sector)}{Part(Commune)}{Part(Size)}");
        NetworkFilter = NetworkFilter.For(await networks.ListAsync(HttpContext.RequestAborted), Network, filterOptions.Value);
        Communes = await directory.CommunesAsync(HttpContext.RequestAborted);
    }

    public async Task LoadResultsAsync() => Results = await directory.SearchAsync(_search, _version, HttpContext.RequestAborted);

    private static string? Cut(string? value) => value is { Length: > MaxInputLength } ? value[..MaxInputLength] : value;

    // Each value with its length first: no two searches make the same key.
    private static string Part(string? value) => value is null ? "-|" : $"{value.Length}:{value}|";

    public string PageUrl(int page) => "/annuaire" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query, ["reseau"] = Network, ["secteur"] = Sector, ["commune"] = Commune, ["taille"] = Size, ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
