using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Features.Home.Pages;

public sealed class IndexModel(PlatformDbContext db) : PageModel
{
    public int NetworkCount { get; private set; }

    public async Task OnGetAsync() => NetworkCount = await db.Networks.CountAsync(HttpContext.RequestAborted);
}
