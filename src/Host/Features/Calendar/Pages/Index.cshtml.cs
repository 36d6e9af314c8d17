using Platform.Host.Web;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary><c>/agenda</c>: upcoming events of every network, filtered by network and type, as a list or a month.</summary>
public sealed class IndexModel(CalendarService calendar, INetworkDirectory directory, ICurrentMember member, TimeProvider time, IOptions<NetworkFilterOptions> filterOptions) : PageModel
{
    private const int PageSize = 20;

    /// <summary>How long the rendered list is kept at most: events leave it as they end.</summary>
    public static readonly TimeSpan ListKeptFor = TimeSpan.FromMinutes(1);

    private DateTime _listFromUtc;

    [FromQuery(Name = "reseau")]
    public string? NetworkSlug { get; set; }

    [FromQuery(Name = "type")]
    public string? TypeSlug { get; set; }

    [FromQuery(Name = "vue")]
    public string? View { get; set; }

    [FromQuery(Name = "mois")]
    public string? MonthText { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumberQuery { get; set; }

    public IReadOnlyList<NetworkInfo> Networks { get; private set; } = [];

    public NetworkInfo? Network => NetworkFilter.Selected;

    public NetworkFilter NetworkFilter { get; private set; } = default!;

    public EventType? Type { get; private set; }

    public bool IsMonthView => View == "mois";

    public DateOnly Month { get; private set; }

    public IReadOnlyList<AgendaListItem> Events { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public bool CanCreate => member.IsPlatformAdmin || member.AnimatedNetworkIds.Count > 0;

    public string NetworkName(int id) => Networks.FirstOrDefault(n => n.Id == id)?.Name ?? "";

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        Networks = await directory.ListAsync(token);
        NetworkFilter = NetworkFilter.For(Networks, NetworkSlug, filterOptions.Value);
        Type = EventTypeLabels.FromSlug(TypeSlug);
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(ParisTime.FromUtc(now));

        if (IsMonthView)
        {
            Month = DateOnly.TryParseExact(MonthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is > 2000 and < 2200
                ? month
                : new DateOnly(today.Year, today.Month, 1);
            var from = ParisTime.ToUtc(Month.ToDateTime(TimeOnly.MinValue));
            var to = ParisTime.ToUtc(Month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
            Events = await calendar.ListItemsAsync(new EventQuery(from, to, Network?.Id, Type, 0, 500), token);
            return;
        }

        PageNumber = Math.Clamp(PageNumberQuery ?? 1, 1, 10_000);
        _listFromUtc = now;
        var version = await calendar.VersionAsync(token);
        ListKey = string.Create(CultureInfo.InvariantCulture, $"{version}:{now.Ticks / TimeSpan.TicksPerMinute}:{Network?.Id}:{Type}:{PageNumber}");
    }

    /// <summary>
    /// What the list (not the month) shows depends on: the agenda's version (events, organisers, networks'
    /// names, seats: decision 0014), the minute (events leave the list as they end), the filters and the
    /// page. The view keeps the rendered list under this key, the same for every reader, and reads the
    /// events (<see cref="LoadListAsync"/>) only when it renders the list.
    /// </summary>
    public string ListKey { get; private set; } = "";

    public async Task LoadListAsync()
    {
        var page = await calendar.ListItemsAsync(new EventQuery(_listFromUtc, null, Network?.Id, Type, (PageNumber - 1) * PageSize, PageSize + 1), HttpContext.RequestAborted);
        HasMore = page.Count > PageSize;
        Events = page.Take(PageSize).ToList();
    }

    /// <summary>This page's URL with some query values changed (null removes one).</summary>
    public string Link(string? view = "", string? month = "", int? page = null, string? network = "", string? type = "")
    {
        var values = new Dictionary<string, string?>
        {
            ["reseau"] = network == "" ? Network?.Slug : network,
            ["type"] = type == "" ? Type?.ToSlug() : type,
            ["vue"] = view == "" ? (IsMonthView ? "mois" : null) : view,
            ["mois"] = month == "" ? (IsMonthView ? Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null) : month,
            ["page"] = page?.ToString(CultureInfo.InvariantCulture),
        };
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? "/agenda" : "/agenda?" + query;
    }
}
