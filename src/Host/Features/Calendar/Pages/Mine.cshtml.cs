using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;
using Platform.Host.Data;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary><c>/agenda/mes-inscriptions</c>: my registrations and the secret address of my personal feed.</summary>
[Authorize]
public sealed class MineModel(RegistrationService registrations, DatabaseWriter writer, ICurrentMember member, TimeProvider time) : PageModel
{
    public IReadOnlyList<(Registration Registration, AgendaEventView Event)> Items { get; private set; } = [];

    public string FeedUrl { get; private set; } = "";

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        Items = await registrations.ListMineAsync(member.UserId!, now, HttpContext.RequestAborted);
        var token = await CalendarFeedEndpoints.GetOrCreateTokenAsync(writer, member.UserId!, now, regenerate: false, HttpContext.RequestAborted);
        FeedUrl = $"{Request.Scheme}://{Request.Host}/agenda/flux/{token}.ics";
    }

    public async Task<IActionResult> OnPostRegenerateAsync()
    {
        await CalendarFeedEndpoints.GetOrCreateTokenAsync(writer, member.UserId!, time.GetUtcNow().UtcDateTime, regenerate: true, HttpContext.RequestAborted);
        Message = "Nouvelle adresse créée : l'ancienne ne fonctionne plus. Mettez à jour vos abonnements.";
        return RedirectToPage();
    }
}
