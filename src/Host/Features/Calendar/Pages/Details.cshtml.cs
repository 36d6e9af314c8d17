using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary><c>/agenda/{id}</c>: an event, its programme and seats; register, cancel; animators close registrations or cancel the event.</summary>
public sealed class DetailsModel(
    CalendarService calendar,
    RegistrationService registrations,
    INetworkDirectory directory,
    ICurrentMember member,
    TimeProvider time,
    EventViewCache views) : PageModel
{
    public AgendaEventView View { get; private set; } = default!;

    public IReadOnlyList<NetworkInfo> Organisers { get; private set; } = [];

    public MyRegistration? Mine { get; private set; }

    public string? Ineligibility { get; private set; }

    public bool IsAnimator { get; private set; }

    public bool RegistrationOpen { get; private set; }

    [BindProperty]
    public int Colleagues { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(int id)
    {
        if (!member.IsAuthenticated)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return await LoadAsync(id) ? Page() : NotFound();
        }

        if (Colleagues is < 0 or >= AgendaEvent.MaxSeatsPerRegistration)
        {
            ModelState.AddModelError(nameof(Colleagues), $"Indiquez entre 0 et {AgendaEvent.MaxSeatsPerRegistration - 1} collègues.");
            return await LoadAsync(id) ? Page() : NotFound();
        }

        var outcome = await registrations.RegisterAsync(id, member, Colleagues + 1, HttpContext.RequestAborted);
        switch (outcome.Result)
        {
            case RegistrationResult.NotFound:
                return NotFound();
            case RegistrationResult.TooManySeats:
                ModelState.AddModelError(nameof(Colleagues), "Il n'y a pas autant de places pour cet événement : réduisez le nombre de collègues.");
                return await LoadAsync(id) ? Page() : NotFound();
            case RegistrationResult.NotEligible:
                ModelState.AddModelError("", "Cet événement est réservé aux adhérents des réseaux organisateurs.");
                return await LoadAsync(id) ? Page() : NotFound();
            case RegistrationResult.RegistersElsewhere:
                ModelState.AddModelError("", "Les inscriptions à cet événement se font sur la page du module, pas dans l'agenda.");
                return await LoadAsync(id) ? Page() : NotFound();
        }

        Message = outcome.Result switch
        {
            RegistrationResult.Confirmed => "Votre inscription est confirmée.",
            RegistrationResult.Waitlisted => "L'événement est complet : vous êtes sur la liste d'attente. Vous serez prévenu dès qu'une place se libère.",
            RegistrationResult.AlreadyRegistered => "Vous êtes déjà inscrit à cet événement.",
            _ => "Les inscriptions à cet événement sont closes.",
        };
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnregisterAsync(int id)
    {
        if (member.UserId is not { } userId)
        {
            return Challenge();
        }

        Message = await registrations.CancelAsync(id, userId, HttpContext.RequestAborted)
            ? "Votre inscription est annulée."
            : "Vous n'étiez pas inscrit à cet événement.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostCloseAsync(int id) => SetClosedAsync(id, true);

    public Task<IActionResult> OnPostReopenAsync(int id) => SetClosedAsync(id, false);

    public async Task<IActionResult> OnPostCancelEventAsync(int id)
    {
        if (!await calendar.CancelEventAsync(id, member, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Message = "L'événement est annulé ; les inscrits sont prévenus.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> SetClosedAsync(int id, bool closed)
    {
        if (!await registrations.SetClosedAsync(id, member, closed, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Message = closed ? "Les inscriptions sont closes." : "Les inscriptions sont rouvertes.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var token = HttpContext.RequestAborted;
        if (await views.FindAsync(calendar, id, token) is not { } view)
        {
            return false;
        }

        View = view;
        var networks = await directory.ListAsync(token);
        Organisers = networks.Where(n => view.OrganiserIds.Contains(n.Id)).ToList();
        IsAnimator = view.OrganiserIds.Any(member.IsAnimatorOf);
        RegistrationOpen = view.Event.IsRegistrationOpen(time.GetUtcNow().UtcDateTime);
        Mine = await registrations.FindMineAsync(id, member.UserId, token);
        Ineligibility = Mine is null ? await registrations.IneligibilityAsync(view, member, token) : null;
        return true;
    }
}
