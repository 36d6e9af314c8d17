using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire</c>: one search box over companies and networks, filters, paging.</summary>
public sealed class IndexModel(CompanyDirectory directory, INetworkDirectory networks, IOptions<NetworkFilterOptions> filterOptions) : PageModel
{
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

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || !string.IsNullOrEmpty(Network) || !string.IsNullOrEmpty(Sector) || !string.IsNullOrEmpty(Commune) || !string.IsNullOrEmpty(Size);

    public async Task OnGetAsync()
    {
        // A page number a user typed by hand (« abc », « -3 ») is page 1, not an error.
        // « page » is also Razor Pages' own route value: read the query string itself.
        var page = int.TryParse(Request.Query["page"], out var p) && p > 0 ? Math.Min(p, 10_000) : 1;
        Query = Query is { Length: > 200 } ? Query[..200] : Query;
        Results = await directory.SearchAsync(new DirectorySearch(Query, Network, Sector, Commune, Size, page), HttpContext.RequestAborted);
        NetworkFilter = NetworkFilter.For(await networks.ListAsync(HttpContext.RequestAborted), Network, filterOptions.Value);
        Communes = await directory.CommunesAsync(HttpContext.RequestAborted);
    }

    public string PageUrl(int page) => "/annuaire" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Query, ["reseau"] = Network, ["secteur"] = Sector, ["commune"] = Commune, ["taille"] = Size, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
