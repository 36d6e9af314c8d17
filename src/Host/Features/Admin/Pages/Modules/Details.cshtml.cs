using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Admin.Pages.Modules;

public sealed class DetailsModel(
    PlatformDbContext db,
    PluginCatalog catalog,
    PluginEnablementService enablement,
    PluginApprovalService approvals,
    INetworkDirectory directory) : PageModel
{
    public PluginRecord Record { get; private set; } = default!;

    public PluginStatus Status { get; private set; }

    public string? Reason { get; private set; }

    public IReadOnlyList<NetworkInfo> Networks { get; private set; } = [];

    public IReadOnlySet<int> Enabled { get; private set; } = new HashSet<int>();

    public IReadOnlyList<AuditRow> Audit { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public PluginApproval? Approval { get; private set; }

    public bool CanApprove => Status is PluginStatus.AwaitingApproval or PluginStatus.Modified;

    public async Task<IActionResult> OnPostApproveAsync(string id)
    {
        if (!await LoadAsync(id) || !CanApprove)
        {
            return NotFound();
        }

        await approvals.ApproveAsync(Record.Id, User.Identity?.Name ?? "?", HttpContext.RequestAborted);
        Message = "Fichiers approuvés : le module sera chargé au prochain démarrage de la plateforme.";
        return RedirectToPage(new { id = Record.Id.ToLowerInvariant() });
    }

    public Task<IActionResult> OnPostEnableAsync(string id, string? network) => ChangeAsync(id, network, enabled: true);

    public Task<IActionResult> OnPostDisableAsync(string id, string? network) => ChangeAsync(id, network, enabled: false);

    private async Task<IActionResult> ChangeAsync(string id, string? network, bool enabled)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var result = await enablement.SetAsync(Record.Id, network ?? "", enabled, User.Identity?.Name ?? "?", HttpContext.RequestAborted);
        var name = Networks.FirstOrDefault(n => string.Equals(n.Slug, network, StringComparison.OrdinalIgnoreCase))?.Name ?? network;
        switch (result)
        {
            case EnablementChange.Changed or EnablementChange.Unchanged:
                Message = enabled ? $"Module activé pour {name}." : $"Module désactivé pour {name}.";
                return RedirectToPage(new { id = Record.Id.ToLowerInvariant() });
            case EnablementChange.UnknownNetwork:
                Error = "Réseau inconnu : rien n'a été changé.";
                break;
            case EnablementChange.PluginNotLoaded:
                Error = "Ce module n'est pas chargé : il ne peut pas être activé.";
                break;
            default:
                return NotFound();
        }

        await LoadAsync(id);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var record = await db.Plugins.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (record is null)
        {
            return false;
        }

        Record = record;
        var installed = catalog.Find(record.Id);
        Status = installed?.Status ?? record.Status;
        Reason = installed is null ? record.Reason : installed.Reason;
        Approval = await db.PluginApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.PluginId == record.Id, cancellationToken);
        Networks = await directory.ListAsync(cancellationToken);
        Enabled = await enablement.NetworksOfAsync(record.Id, cancellationToken);
        Audit = await db.PluginAudit.AsNoTracking()
            .Where(a => a.PluginId == record.Id)
            .OrderByDescending(a => a.Id)
            .Take(50)
            .Select(a => new AuditRow(a.ChangedAtUtc, a.Enabled, a.Network!.Name, a.ChangedBy))
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record AuditRow(DateTime ChangedAtUtc, bool Enabled, string NetworkName, string ChangedBy);
}
