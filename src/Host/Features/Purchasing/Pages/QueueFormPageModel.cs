using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Purchasing.Pages;

/// <summary>What the create and edit pages share: the form, the networks to choose from.</summary>
public abstract class QueueFormPageModel(ICurrentMember member, PlatformDbContext db) : PageModel
{
    [BindProperty]
    public QueueFormInput Input { get; set; } = new();

    public IReadOnlyList<Network> Networks { get; private set; } = [];

    /// <summary>The networks this person may organise for: the ones they animate.</summary>
    public IReadOnlyList<Network> Organizers => Networks.Where(n => member.IsAnimatorOf(n.Id)).ToList();

    protected ICurrentMember Member => member;

    protected async Task LoadChoicesAsync()
    {
        Networks = await db.Set<Network>().AsNoTracking().OrderBy(n => n.Name).ToListAsync(HttpContext.RequestAborted);
        Input.PadTiers();
    }

    /// <summary>Checks the form; adds the errors next to their fields. Returns the draft when valid.</summary>
    protected QueueDraft? Validate(DateTime nowUtc)
    {
        if (!member.IsAnimatorOf(Input.OrganizerNetworkId))
        {
            ModelState.AddModelError("Input.OrganizerNetworkId", "Choisissez un réseau que vous animez.");
        }

        var validIds = Networks.Select(n => n.Id).ToHashSet();
        Input.InvitedNetworkIds = Input.InvitedNetworkIds.Where(validIds.Contains).Distinct().ToList();
        var (draft, errors) = Input.ToDraft(nowUtc);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        return ModelState.IsValid ? draft : null;
    }
}
