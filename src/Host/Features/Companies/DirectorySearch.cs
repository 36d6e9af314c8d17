namespace Platform.Host.Features.Companies;

/// <summary>Headcount bands of the « taille » filter.</summary>
public static class SizeBands
{
    public static IReadOnlyList<(string Key, string Label, int Min, int Max)> All { get; } =
    [
        ("tpe", "Moins de 10 salariés", 0, 9),
        ("pe", "10 à 49 salariés", 10, 49),
        ("me", "50 à 249 salariés", 50, 249),
        ("ge", "250 salariés et plus", 250, int.MaxValue),
    ];

    public static (string Key, string Label, int Min, int Max)? Find(string? key) =>
        All.Where(b => b.Key == key).Select(b => ((string, string, int, int)?)b).FirstOrDefault();
}

/// <summary>Settings of the directory's search (section <c>Search</c>).</summary>
public sealed class DirectorySearchOptions
{
    /// <summary>
    /// The search page keeps its rendered results under the directory's version (decision 0006, amendment 4):
    /// a search asked again while no company, membership or network changed is not computed again. Off, every
    /// search is computed (the bench measures both).
    /// </summary>
    public bool KeepResults { get; set; } = true;

    /// <summary>
    /// The companies' words are kept in memory for the search's window without filters (<see cref="CompanySearchIndex"/>,
    /// decision 0024): about 5 MB at 100 000 companies. Off, every window is asked of SQLite's full-text index.
    /// </summary>
    public bool WordsInMemory { get; set; } = true;
}

/// <summary>What the directory's search box and filters ask for. Unknown filter values match nothing.</summary>
public sealed record DirectorySearch(string? Query, string? Network = null, string? Sector = null, string? Commune = null, string? Size = null, int Page = 1, int PageSize = 20)
{
    /// <summary>Whether a filter narrows the search (a network, a sector, a commune, a size).</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(Network) || !string.IsNullOrWhiteSpace(Sector) || !string.IsNullOrWhiteSpace(Commune) || !string.IsNullOrWhiteSpace(Size);
}

/// <summary>A company a search found, with its name to order the page by.</summary>
public sealed record CompanyHit(int Id, string Name);

/// <summary>A company in a list: public fields only.</summary>
public sealed record CompanyListItem(int Id, string Name, string? NafCode, string? NafLabel, string? Sector, string? Commune, string? PostalCode, int? Headcount, string? Description)
{
    /// <summary>The line under its name in a list: its activity, its commune, its headcount, those it has (« Scierie · Nérac · 12 salariés »).</summary>
    public string Summary => string.Join(" · ", new[]
    {
        NafLabel ?? NafCode, Commune, Headcount is { } headcount ? $"{headcount.ToString("N0", Web.ParisTime.French)} salariés" : null,
    }.Where(part => !string.IsNullOrEmpty(part)));
}

/// <summary>A network in a list or a search result.</summary>
public sealed record NetworkListItem(int Id, string Slug, string Name, Platform.Abstractions.Networks.NetworkKind Kind, string? Description, int Members);

/// <summary>A page of results. <see cref="More"/>: more matched than <see cref="Total"/>, which counted no further.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public bool More { get; init; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The directory's search results: the matching networks, and one page of companies.</summary>
public sealed record DirectoryResults(IReadOnlyList<NetworkListItem> Networks, Paged<CompanyListItem> Companies);
