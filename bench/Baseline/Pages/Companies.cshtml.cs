using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Platform.Bench.Baseline.Pages;

/// <summary>20 rows read with EF Core from SQLite: the reference for every host page that reads the database.</summary>
public sealed class CompaniesModel(BaselineDbContext db) : PageModel
{
    public IReadOnlyList<CompanyRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await db.Companies.AsNoTracking().OrderBy(c => c.Id).Take(20).ToListAsync(HttpContext.RequestAborted);
}
