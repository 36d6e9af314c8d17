using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Host.Data;

namespace Platform.Host.Features.Notifications.Pages;

public sealed class IndexModel(PlatformDbContext db, ICurrentMember member, TimeProvider time) : PageModel
{
    private const int PageSize = 20;

    public IReadOnlyList<NotificationRecord> Items { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == member.UserId)
            .OrderByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(HttpContext.RequestAborted);
        HasMore = items.Count > PageSize;
        Items = items.Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Notifications
            .Where(n => n.UserId == member.UserId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
