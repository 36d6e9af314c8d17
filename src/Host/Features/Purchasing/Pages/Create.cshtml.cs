using Platform.Host.Web;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Members;
using Platform.Host.Data;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary><c>/achats/nouveau</c>: an animator prepares a queue for a network they animate (a draft).</summary>
public sealed class CreateModel(PurchasingService service, ICurrentMember member, PlatformDbContext db, TimeProvider time)
    : QueueFormPageModel(member, db)
{
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadChoicesAsync();
        if (Organizers.Count == 0)
        {
            return NotFound();
        }

        var now = ParisTime.FromUtc(time.GetUtcNow().UtcDateTime);
        Input.OrganizerNetworkId = Organizers[0].Id;
        Input.OpensAt = now.Date.AddDays(1).AddHours(9);
        Input.Deadline = now.Date.AddDays(22).AddHours(18);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChoicesAsync();
        if (Organizers.Count == 0)
        {
            return NotFound();
        }

        var draft = Validate(time.GetUtcNow().UtcDateTime);
        if (draft is null)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var id = await service.CreateAsync(draft, Member.UserId, open: false, HttpContext.RequestAborted);
        return Redirect($"/achats/{id}");
    }
}
