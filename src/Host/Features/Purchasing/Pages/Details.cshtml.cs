using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary>
/// <c>/achats/{id}</c>: a queue, the member's pledge (pledge, amend, withdraw), its history, and the
/// organiser's actions. A queue the member's networks were not invited to answers 404.
/// </summary>
public sealed class DetailsModel(PurchasingService service, ICurrentMember member, TimeProvider time, PlatformDbContext db, INetworkDirectory networks) : PageModel
{
    private const int HistoryPageSize = 30;

    public PurchasingQueue Queue { get; private set; } = default!;

    public QueueProgress Progress { get; private set; } = default!;

    public string OrganizerName { get; private set; } = "";

    public IReadOnlyList<string> InvitedNames { get; private set; } = [];

    public Pledge? MyPledge { get; private set; }

    public int? MyPosition { get; private set; }

    /// <summary>The member's company is in an invited network.</summary>
    public bool IsInvitedCompany { get; private set; }

    public bool CanPledge => IsInvitedCompany && Queue.AcceptsPledgesAt(Now);

    public bool IsOrganizer { get; private set; }

    public DateTime Now { get; private set; }

    public IReadOnlyList<QueueHistoryEntry> History { get; private set; } = [];

    public int HistoryPage { get; private set; } = 1;

    public bool HistoryHasMore { get; private set; }

    public IReadOnlyDictionary<int, string> CompanyNames { get; private set; } = new Dictionary<int, string>();

    /// <summary>A fresh key per rendered form: the same form sent twice counts once.</summary>
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString("N");

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public PledgeInput Input { get; set; } = new();

    [BindProperty]
    public string? FinalUnitPrice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "historique")] int? historyPage)
    {
        HistoryPage = Math.Clamp(historyPage ?? 1, 1, 10_000);
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostPledgeAsync(int id) => ChangePledgeAsync(id, withdraw: false);

    public Task<IActionResult> OnPostWithdrawAsync(int id) => ChangePledgeAsync(id, withdraw: true);

    public Task<IActionResult> OnPostPublishAsync(int id) => OrganizerActionAsync(id, () => service.PublishAsync(id, HttpContext.RequestAborted), "L'achat groupé est publié.");

    public Task<IActionResult> OnPostCloseAsync(int id) => OrganizerActionAsync(id, () => service.CloseEarlyAsync(id, HttpContext.RequestAborted), "L'achat groupé est clôturé.");

    public Task<IActionResult> OnPostCancelAsync(int id) => OrganizerActionAsync(id, () => service.CancelAsync(id, HttpContext.RequestAborted), "L'achat groupé est annulé.");

    public Task<IActionResult> OnPostAwardAsync(int id)
    {
        var text = FinalUnitPrice?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('.', ',') ?? "";
        if (!decimal.TryParse(text, NumberStyles.Number, PurchasingDisplay.French, out var price) || price <= 0)
        {
            ModelState.AddModelError(nameof(FinalUnitPrice), "Indiquez le prix unitaire final en euros HT, par exemple 0,145.");
        }

        return OrganizerActionAsync(id, () => service.AwardAsync(id, price, HttpContext.RequestAborted), "L'achat groupé est attribué.");
    }

    private async Task<IActionResult> ChangePledgeAsync(int id, bool withdraw)
    {
        // A pledge that goes through costs the write transaction alone, which checks the queue and the
        // invitation itself; the page's own checks run only to choose the answer to one that does not.
        var formValid = Guid.TryParseExact(Input.IdempotencyKey, "N", out _)
            && (withdraw || Input.Quantity is >= 1 and <= PurchasingQueue.MaxQuantity);
        if (!formValid || member.CompanyId is null)
        {
            return await RefusePledgeAsync(id, withdraw);
        }

        PledgeResult result;
        try
        {
            result = withdraw
                ? await service.WithdrawAsync(id, member, Input.IdempotencyKey!, HttpContext.RequestAborted)
                : await service.PledgeAsync(id, member, Input.Quantity!.Value, Input.IdempotencyKey!, HttpContext.RequestAborted);
        }
        catch (PurchasingRuleException e)
        {
            return await RefusedAsync(id, StatusCodes.Status409Conflict, e.Message);
        }

        if (!result.Found)
        {
            return await RefusePledgeAsync(id, withdraw);
        }

        Message = result switch
        {
            { Replayed: true } => "Cette demande avait déjà été prise en compte.",
            { Status: PledgeStatus.Accepted } => $"Votre engagement de {PurchasingDisplay.Quantity(Input.Quantity ?? 0, result.Unit)} est accepté.",
            { Status: PledgeStatus.Waiting } => $"La capacité est atteinte : votre engagement de {PurchasingDisplay.Quantity(Input.Quantity ?? 0, result.Unit)} est en liste d'attente (position {result.WaitingPosition}).",
            _ => "Votre engagement est retiré.",
        };
        return Redirect($"/achats/{id}");
    }

    /// <summary>Why a pledge form was not applied: not visible (404), not invited (403), a bad form (400), else 404.</summary>
    private async Task<IActionResult> RefusePledgeAsync(int id, bool withdraw)
    {
        var ct = HttpContext.RequestAborted;
        if (!await service.VisibleTo(member).AnyAsync(q => q.Id == id, ct))
        {
            return NotFound();
        }

        if (member.CompanyId is not { } companyId || !await PurchasingService.IsInvitedAsync(db, id, companyId, ct))
        {
            return await RefusedAsync(id, StatusCodes.Status403Forbidden, "Seules les entreprises adhérentes des réseaux invités peuvent s'engager.");
        }

        if (!Guid.TryParseExact(Input.IdempotencyKey, "N", out _))
        {
            return await RefusedAsync(id, StatusCodes.Status400BadRequest, "Le formulaire a expiré : rechargez la page et recommencez.");
        }

        if (!withdraw && Input.Quantity is not (>= 1 and <= PurchasingQueue.MaxQuantity))
        {
            ModelState.Remove("Input.Quantity");
            return await RefusedAsync(id, StatusCodes.Status400BadRequest, $"Indiquez une quantité entière de 1 à {PurchasingDisplay.Number(PurchasingQueue.MaxQuantity)}.");
        }

        // Visible and invited, yet the service did not find it: a draft the member animates.
        return NotFound();
    }

    private async Task<IActionResult> OrganizerActionAsync(int id, Func<Task<bool>> action, string done)
    {
        if (!await LoadAsync(id) || !IsOrganizer)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }

        try
        {
            if (!await action())
            {
                return NotFound();
            }
        }
        catch (PurchasingRuleException e)
        {
            await LoadAsync(id);
            ModelState.AddModelError(string.Empty, e.Message);
            return Refused(StatusCodes.Status409Conflict);
        }

        Message = done;
        return Redirect($"/achats/{id}");
    }

    private async Task<IActionResult> RefusedAsync(int id, int statusCode, string message)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.AddModelError("Input.Quantity", message);
        return Refused(statusCode);
    }

    private PageResult Refused(int statusCode)
    {
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;

        // The versions first: what the page keeps is kept with them, and read only when they moved (decision 0020).
        var versions = service.PageVersions();
        if (await service.FindVisibleAsync(id, member, versions, ct) is not var (queue, invitedCompanyNetworks))
        {
            return false;
        }

        Queue = queue;
        Now = time.GetUtcNow().UtcDateTime;
        Progress = new QueueProgress(queue, queue.AcceptedQuantity, Now);
        IsOrganizer = member.IsAnimatorOf(queue.OrganizerNetworkId);
        OrganizerName = await NetworkNameAsync(queue.OrganizerNetworkId, ct);
        var invited = new List<string>(queue.Networks.Count);
        foreach (var n in queue.Networks)
        {
            invited.Add(await NetworkNameAsync(n.NetworkId, ct));
        }

        InvitedNames = invited.Order(StringComparer.Create(PurchasingDisplay.French, true)).ToList();

        if (member.CompanyId is { } companyId)
        {
            IsInvitedCompany = invitedCompanyNetworks.Count > 0;
            MyPledge = queue.PledgeOf(companyId) is { Status: not PledgeStatus.Withdrawn } pledge ? pledge : null;
            MyPosition = MyPledge is null ? null : queue.WaitingPosition(MyPledge);
        }

        // Members see the status changes and their own company's lines; the organiser sees everything.
        var lines = await service.HistoryAsync(id, IsOrganizer, member.CompanyId, (HistoryPage - 1) * HistoryPageSize, HistoryPageSize + 1, versions, ct);
        HistoryHasMore = lines.Count > HistoryPageSize;
        History = lines.Take(HistoryPageSize).Select(l => l.Entry).ToList();

        var names = lines.Where(l => l.Entry.CompanyId is not null).DistinctBy(l => l.Entry.CompanyId).ToDictionary(l => l.Entry.CompanyId!.Value, l => l.CompanyName ?? "");
        if (IsOrganizer)
        {
            var pledgers = queue.Pledges.Select(p => p.CompanyId).Where(c => !names.ContainsKey(c)).Distinct().ToList();
            foreach (var (pledger, name) in await db.Set<Company>().AsNoTracking().Where(c => pledgers.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct))
            {
                names[pledger] = name;
            }
        }

        CompanyNames = names;
        return true;
    }

    private async Task<string> NetworkNameAsync(int networkId, CancellationToken cancellationToken) =>
        (await networks.FindAsync(networkId, cancellationToken))?.Name ?? "";

    public sealed class PledgeInput
    {
        public int? Quantity { get; set; }

        public string? IdempotencyKey { get; set; }
    }

    public string HistoryText(QueueHistoryEntry entry)
    {
        var who = entry.CompanyId is { } c ? CompanyNames.GetValueOrDefault(c, "Une entreprise") : null;
        var quantity = entry.Quantity is { } q ? PurchasingDisplay.Quantity(q, Queue.Unit) : "";
        return entry.Kind switch
        {
            HistoryKind.Pledged => $"{who} s'engage pour {quantity}" + (entry.Note is null ? "" : $" ({entry.Note})"),
            HistoryKind.Amended => $"{who} modifie son engagement : {quantity}" + (entry.Note is null ? "" : $" ({entry.Note})"),
            HistoryKind.Withdrawn => $"{who} retire son engagement de {quantity}",
            HistoryKind.Promoted => $"{who} sort de la liste d'attente : {quantity} acceptés",
            _ => $"Achat groupé {entry.Note}" + (entry.Quantity is null ? "" : $" ({quantity} engagés)"),
        };
    }
}
