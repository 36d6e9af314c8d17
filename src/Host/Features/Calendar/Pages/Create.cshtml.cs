using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary><c>/agenda/nouveau</c>: an animator creates an event for networks they animate.</summary>
public sealed class CreateModel(CalendarService calendar, INetworkDirectory directory, ICurrentMember member) : PageModel
{
    [BindProperty]
    public EventFormInput Input { get; set; } = new();

    public IReadOnlyList<NetworkInfo> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await DenyAsync() is { } denied)
        {
            return denied;
        }

        if (Choices.Count == 1)
        {
            Input.Organisers = [Choices[0].Id];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await DenyAsync() is { } denied)
        {
            return denied;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, id, errors) = await calendar.SaveAsync(null, Input.ToDraft(), member, HttpContext.RequestAborted);
        if (result != SaveResult.Saved)
        {
            EventFormInput.AddErrors(ModelState, errors);
            return Page();
        }

        TempData["Message"] = "L'événement est publié dans l'agenda.";
        return Redirect($"/agenda/{id}");
    }

    private async Task<IActionResult?> DenyAsync()
    {
        if (!member.IsAuthenticated)
        {
            return Challenge();
        }

        Choices = EventFormInput.Choices(await directory.ListAsync(HttpContext.RequestAborted), member, []);
        return Choices.Count == 0 ? NotFound() : null;
    }
}
