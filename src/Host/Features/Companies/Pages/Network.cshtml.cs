using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire/reseaux/{slug}</c>: a network's presentation, its figures and its members; export for its animators.</summary>
public sealed class NetworkModel(CompanyDirectory directory, CompanyCsv csv, CompanyEditing editing, ICurrentMember member) : PageModel
{
    public Networks.Network Network { get; private set; } = default!;

    public Paged<CompanyListItem> Members { get; private set; } = default!;

    public (int Members, int Employees) Totals { get; private set; }

    public bool IsAnimator { get; private set; }

    public bool ShowContact => member.IsAuthenticated;

    /// <summary>The SIREN typed in the animators' « add a member » form, and what was wrong with it.</summary>
    public string? AddSiren { get; private set; }

    public string? AddError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await directory.FindNetworkAsync(slug, HttpContext.RequestAborted) is not { } network)
        {
            return NotFound();
        }

        await LoadAsync(network);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string slug, string? siren)
    {
        if (await directory.FindNetworkAsync(slug, HttpContext.RequestAborted) is not { } network || !member.IsAnimatorOf(network.Id))
        {
            return NotFound();
        }

        if (await editing.AddMemberBySirenAsync(network.Id, siren, member, HttpContext.RequestAborted) is { } error)
        {
            AddSiren = siren;
            AddError = error;
            await LoadAsync(network);
            return Page();
        }

        TempData["Message"] = "L'entreprise fait partie des adhérents du réseau.";
        return Redirect($"/annuaire/reseaux/{network.Slug}");
    }

    private async Task LoadAsync(Networks.Network network)
    {
        Network = network;
        IsAnimator = member.IsAnimatorOf(network.Id);
        // « page » is also Razor Pages' own route value: read the query string itself.
        var page = int.TryParse(Request.Query["page"], out var p) && p > 0 ? Math.Min(p, 10_000) : 1;
        Members = await directory.MembersAsync(network.Id, page, cancellationToken: HttpContext.RequestAborted);
        Totals = await directory.NetworkTotalsAsync(network.Id, HttpContext.RequestAborted);
    }

    /// <summary>The members as CSV for Excel (fr). Animators of this network only; anyone else gets a 404.</summary>
    public async Task<IActionResult> OnGetExportAsync(string slug)
    {
        if (!member.IsAuthenticated)
        {
            return Challenge();
        }

        if (await directory.FindNetworkAsync(slug, HttpContext.RequestAborted) is not { } network || !member.IsAnimatorOf(network.Id))
        {
            return NotFound();
        }

        var bytes = await csv.ExportAsync(network.Id, HttpContext.RequestAborted);
        return File(bytes, "text/csv; charset=utf-8", $"adherents-{network.Slug}.csv");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, int companyId)
    {
        if (await directory.FindNetworkAsync(slug, HttpContext.RequestAborted) is not { } network || !member.IsAnimatorOf(network.Id))
        {
            return NotFound();
        }

        await editing.RemoveMemberAsync(network.Id, companyId, member, HttpContext.RequestAborted);
        TempData["Message"] = "L'entreprise a été retirée du réseau.";
        return Redirect($"/annuaire/reseaux/{network.Slug}");
    }
}
