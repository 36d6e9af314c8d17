using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary><c>/achats/{id}/modifier</c>: the organiser's animator edits a draft.</summary>
public sealed class EditModel(PurchasingService service, ICurrentMember member, PlatformDbContext db, TimeProvider time)
    : QueueFormPageModel(member, db)
{
    public int Id { get; private set; }

    public string QueueTitle { get; private set; } = "";

    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var queue = await FindAsync(id);
        if (queue is null)
        {
            return NotFound();
        }

        Input = QueueFormInput.From(queue);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var queue = await FindAsync(id);
        if (queue is null)
        {
            return NotFound();
        }

        await LoadChoicesAsync();
        var draft = IsDraft ? Validate(time.GetUtcNow().UtcDateTime) : null;
        if (draft is null)
        {
            var page = Page();
            page.StatusCode = IsDraft ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return page;
        }

        try
        {
            await service.UpdateDraftAsync(id, draft, HttpContext.RequestAborted);
        }
        catch (PurchasingRuleException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
            var page = Page();
            page.StatusCode = StatusCodes.Status409Conflict;
            return page;
        }

        return Redirect($"/achats/{id}");
    }

    private async Task<PurchasingQueue?> FindAsync(int id)
    {
        var queue = await service.VisibleTo(Member).Include(q => q.Tiers).Include(q => q.Networks).AsSplitQuery()
            .FirstOrDefaultAsync(q => q.Id == id, HttpContext.RequestAborted);
        if (queue is null || !Member.IsAnimatorOf(queue.OrganizerNetworkId))
        {
            return null;
        }

        Id = id;
        QueueTitle = queue.Title;
        IsDraft = queue.Status == PurchasingQueueStatus.Draft;
        return queue;
    }
}
