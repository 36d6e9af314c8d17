using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Admin.Pages.Modules;

public sealed class IndexModel(PlatformDbContext db, PluginCatalog catalog, PluginEnablementService enablement) : PageModel
{
    public bool SafeMode => catalog.SafeMode;

    public IReadOnlyList<Row> Plugins { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var records = await db.Plugins.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var record in records)
        {
            // This process's own view wins over the record, which another instance may have written.
            var installed = catalog.Find(record.Id);
            var status = installed?.Status ?? record.Status;
            var reason = installed is null ? record.Reason : installed.Reason;
            var count = (await enablement.NetworksOfAsync(record.Id, cancellationToken)).Count;
            rows.Add(new Row(record.Id, record.Name, record.Version, record.Publisher, status, reason, count));
        }

        Plugins = rows;
    }

    public sealed record Row(string Id, string Name, string Version, string? Publisher, PluginStatus Status, string? Reason, int EnabledNetworks);
}
