using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary><c>/agenda/{id}/inscrits</c>: the attendee list and its CSV export, for animators of the organising networks only (404 for anyone else).</summary>
public sealed class AttendeesModel(CalendarService calendar, RegistrationService registrations, ICurrentMember member) : PageModel
{
    public AgendaEventView View { get; private set; } = default!;

    public IReadOnlyList<Attendee> Attendees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return File(RegistrationService.ToCsv(Attendees), "text/csv; charset=utf-8", $"inscrits-evenement-{id}.csv");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var view = await calendar.FindViewAsync(id, HttpContext.RequestAborted);
        if (view is null || !view.OrganiserIds.Any(member.IsAnimatorOf))
        {
            return false;
        }

        View = view;
        Attendees = await registrations.AttendeesAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
