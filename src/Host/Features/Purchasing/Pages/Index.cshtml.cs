using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary><c>/achats</c>: the queues open to the member's networks, the finished ones, the organiser's drafts.</summary>
public sealed class IndexModel(PurchasingService service, ICurrentMember member, TimeProvider time, PlatformDbContext db) : PageModel
{
    private const int PageSize = 10;

    public IReadOnlyList<QueueProgress> Items { get; private set; } = [];

    public IReadOnlyDictionary<int, string> NetworkNames { get; private set; } = new Dictionary<int, string>();

    public string View { get; private set; } = "en-cours";

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public bool CanCreate => member.IsPlatformAdmin || member.AnimatedNetworkIds.Count > 0;

    public async Task OnGetAsync([FromQuery(Name = "vue")] string? view, [FromQuery(Name = "page")] int? page)
    {
        var ct = HttpContext.RequestAborted;
        View = view is "termines" or "brouillons" ? view : "en-cours";
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var now = time.GetUtcNow().UtcDateTime;
        var query = service.VisibleTo(member);
        query = View switch
        {
            "termines" => query.Where(q => q.Status != PurchasingQueueStatus.Draft && q.Status != PurchasingQueueStatus.Open)
                .OrderByDescending(q => q.ClosedAtUtc).ThenByDescending(q => q.Id),
            "brouillons" => query.Where(q => q.Status == PurchasingQueueStatus.Draft).OrderByDescending(q => q.Id),
            _ => query.Where(q => q.Status == PurchasingQueueStatus.Open).OrderBy(q => q.DeadlineUtc).ThenBy(q => q.Id),
        };
        var queues = await query.Include(q => q.Tiers).AsSplitQuery()
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = queues.Count > PageSize;
        queues = queues.Take(PageSize).ToList();
        var totals = await service.AcceptedTotalsAsync(queues.Select(q => q.Id).ToList(), ct);
        Items = queues.Select(q => new QueueProgress(q, totals.GetValueOrDefault(q.Id), now)).ToList();
        var organizers = queues.Select(q => q.OrganizerNetworkId).Distinct().ToList();
        NetworkNames = await db.Set<Network>().AsNoTracking().Where(n => organizers.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
    }
}
