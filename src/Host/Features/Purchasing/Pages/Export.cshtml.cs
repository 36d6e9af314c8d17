using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Companies;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary><c>/achats/{id}/commande</c>: the consolidated order as CSV, for the organiser's animators only (404 for others).</summary>
public sealed class ExportModel(PurchasingService service, ICurrentMember member, PlatformDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var queue = await service.VisibleTo(member).Include(q => q.Tiers).FirstOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null || !member.IsAnimatorOf(queue.OrganizerNetworkId) || queue.Status == PurchasingQueueStatus.Draft)
        {
            return NotFound();
        }

        var lines = await db.Set<Pledge>().AsNoTracking()
            .Where(p => p.QueueId == id && p.Status == PledgeStatus.Accepted)
            .Join(db.Set<Company>(), p => p.CompanyId, c => c.Id, (p, c) => new { c.Name, c.Siret, p.Quantity })
            .OrderBy(l => l.Name)
            .ToListAsync(ct);
        var bytes = PurchasingOrderCsv.Write(queue, lines.Select(l => new PurchasingOrderCsv.Line(l.Name, l.Siret?.Trim(), l.Quantity)));
        return File(bytes, "text/csv; charset=utf-8", $"achat-groupe-{id}-commande.csv");
    }
}
