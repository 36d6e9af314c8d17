using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Host.Features.Companies.Pages;

/// <summary>
/// <c>/annuaire/carte</c>: the networks on a circle, linked by the companies they share (line thickness =
/// companies shared). Drawn as SVG on the server: no script, readable for ~20 networks; past a hundred only the
/// strongest links are drawn and the full list stays in the table below.
/// </summary>
public sealed class MapModel(DirectoryStatistics statistics) : PageModel
{
    public const int Width = 1000;
    public const int Height = 720;
    /// <summary>Past this many networks, names would overlap: they are left to the circles' tooltips.</summary>
    public const int MaxLabelled = 60;
    private const int MaxLinksDrawn = 400;

    public IReadOnlyList<(MapNode Node, double X, double Y, double R, double LabelX, double LabelY, string Anchor)> Nodes { get; private set; } = [];

    public IReadOnlyList<(MapLink Link, double X1, double Y1, double X2, double Y2, double Width)> Lines { get; private set; } = [];

    public IReadOnlyList<(string From, string To, int Shared)> TopLinks { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var (nodes, links) = await statistics.MapAsync(HttpContext.RequestAborted);
        var ordered = nodes.OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        double cx = Width / 2.0, cy = Height / 2.0, radius = (Height / 2.0) - 50;
        var maxMembers = Math.Max(1, ordered.Count == 0 ? 1 : ordered.Max(n => n.Members));
        var placed = ordered.Select((n, i) =>
        {
            var angle = (2 * Math.PI * i / Math.Max(1, ordered.Count)) - (Math.PI / 2);
            var x = cx + (radius * Math.Cos(angle));
            var y = cy + (radius * Math.Sin(angle));
            var r = 4 + (14 * Math.Sqrt(n.Members / (double)maxMembers));
            var lx = cx + ((radius + r + 6) * Math.Cos(angle));
            var ly = cy + ((radius + r + 6) * Math.Sin(angle));
            return (n, x, y, r, lx, ly, Math.Cos(angle) >= 0 ? "start" : "end");
        }).ToList();
        Nodes = placed;
        var at = placed.ToDictionary(p => p.n.Id);
        var maxShared = Math.Max(1, links.Count == 0 ? 1 : links.Max(l => l.Shared));
        Lines = links.Where(l => at.ContainsKey(l.From) && at.ContainsKey(l.To))
            .OrderByDescending(l => l.Shared).Take(MaxLinksDrawn)
            .Select(l => (l, at[l.From].x, at[l.From].y, at[l.To].x, at[l.To].y, 1 + (11.0 * l.Shared / maxShared)))
            .ToList();
        TopLinks = links.Where(l => at.ContainsKey(l.From) && at.ContainsKey(l.To))
            .OrderByDescending(l => l.Shared).Take(30)
            .Select(l => (at[l.From].n.Name, at[l.To].n.Name, l.Shared)).ToList();
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
