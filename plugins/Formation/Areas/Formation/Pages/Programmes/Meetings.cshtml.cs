using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages.Programmes;

/// <summary>
/// <c>/c/{network}/formation/programmes/{id}/reunions</c>: the progress meetings where the networks
/// take their collective decisions — date, decisions, minutes. Any animator of the programme records one.
/// </summary>
public sealed class MeetingsModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks)
    : ProgrammePageModel(programmes, access, networks)
{
    public IReadOnlyList<ProgressMeeting> Meetings { get; private set; } = [];

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.HeldOn = DateOnly.FromDateTime(FormationFormat.ToParis(Programmes.Now));
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
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await Programmes.AddMeetingAsync(new ProgressMeeting
        {
            ProgrammeId = id,
            HeldOnUtc = FormationFormat.FromParis(Input.HeldOn!.Value.ToDateTime(new TimeOnly(12, 0))),
            Title = Input.Title!.Trim(),
            Decisions = Input.Decisions?.Trim(),
            Minutes = Input.Minutes?.Trim(),
            RecordedBy = Access.Member.DisplayName ?? Network.Name,
        }, HttpContext.RequestAborted);
        Message = "Réunion enregistrée.";
        return Redirect($"/c/{Network.Slug}/formation/programmes/{id}/reunions");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadProgrammeAsync(id) || !CanSeeFigures)
        {
            return false;
        }

        Meetings = await Programmes.MeetingsAsync(id, HttpContext.RequestAborted);
        return true;
    }

    public sealed class MeetingInput
    {
        [Display(Name = "Date")]
        [Required(ErrorMessage = "Indiquez la date de la réunion.")]
        public DateOnly? HeldOn { get; set; }

        [Display(Name = "Objet")]
        [Required(ErrorMessage = "Indiquez l'objet de la réunion.")]
        [StringLength(200, ErrorMessage = "Au plus 200 caractères.")]
        public string? Title { get; set; }

        [Display(Name = "Décisions prises")]
        [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
        public string? Decisions { get; set; }

        [Display(Name = "Compte rendu")]
        [StringLength(20000, ErrorMessage = "Au plus 20 000 caractères.")]
        public string? Minutes { get; set; }
    }
}
