using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary><c>/agenda/{id}/modifier</c>: an animator of one of the organising networks edits the event (404 for anyone else).</summary>
public sealed class EditModel(CalendarService calendar, INetworkDirectory directory, ICurrentMember member) : PageModel
{
    [BindProperty]
    public EventFormInput Input { get; set; } = new();

    public IReadOnlyList<NetworkInfo> Choices { get; private set; } = [];

    public AgendaEventView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = EventFormInput.From(View);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, _, errors) = await calendar.SaveAsync(id, Input.ToDraft(), member, HttpContext.RequestAborted);
        switch (result)
        {
            case SaveResult.NotFound:
                return NotFound();
            case SaveResult.Invalid:
                EventFormInput.AddErrors(ModelState, errors);
                return Page();
        }

        TempData["Message"] = "L'événement est modifié ; les agendas abonnés recevront la mise à jour.";
        return Redirect($"/agenda/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await calendar.FindViewAsync(id, HttpContext.RequestAborted) is not { } view || !view.OrganiserIds.Any(member.IsAnimatorOf))
        {
            return false;
        }

        View = view;
        Choices = EventFormInput.Choices(await directory.ListAsync(HttpContext.RequestAborted), member, view.OrganiserIds.ToList());
        return true;
    }
}
