using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;
using Platform.Plugins.Formation.Pages.Programmes;

namespace Platform.Plugins.Formation.Pages.Sessions;

/// <summary>
/// <c>/c/{network}/formation/programmes/{id}/sessions/nouvelle</c>: the carrier's animators plan a
/// session of a module, with the seats each network keeps until the release date. Refused when it
/// would take the commitments past the budget envelope. The session is published to the agenda.
/// </summary>
public sealed class CreateModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks)
    : ProgrammePageModel(programmes, access, networks)
{
    public IReadOnlyList<TrainingModule> Modules { get; private set; } = [];

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var start = FormationFormat.ToParis(Programmes.Now).Date.AddDays(30).AddHours(9);
        var module = Modules.Count > 0 ? Modules[0] : null;
        Input = new SessionInput
        {
            ModuleId = module?.Id,
            Start = start,
            End = start.AddHours(8),
            ReleaseAt = start.AddDays(-14),
            GoNoGoAt = start.AddDays(-10),
            Seats = module?.MaxParticipants ?? 12,
            Quotas = ProgrammeNetworks.Keys.ToDictionary(n => n, _ => (module?.MaxParticipants ?? 12) / ProgrammeNetworks.Count),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var draft = new SessionDraft(Input.ModuleId!.Value,
                FormationFormat.FromParis(Input.Start!.Value), FormationFormat.FromParis(Input.End!.Value),
                Input.Place!.Trim(), Input.Seats!.Value,
                FormationFormat.FromParis(Input.ReleaseAt!.Value), FormationFormat.FromParis(Input.GoNoGoAt!.Value),
                Input.Quotas ?? []);
            var result = await Programmes.PlanSessionAsync(id, draft, CarrierSlug, HttpContext.RequestAborted);
            if (result.Session is { } session)
            {
                return Redirect($"/c/{Network.Slug}/formation/sessions/{session.Id}");
            }

            ModelState.AddModelError("", result.Refusal!);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private string CarrierSlug => ProgrammeNetworks[Programme.CarrierNetworkId].Slug;

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadProgrammeAsync(id))
        {
            return false;
        }

        Modules = await Programmes.ModulesAsync(id, HttpContext.RequestAborted);
        return true;
    }

    public sealed class SessionInput
    {
        [Display(Name = "Module")]
        [Required(ErrorMessage = "Choisissez le module.")]
        public int? ModuleId { get; set; }

        [Display(Name = "Début")]
        [Required(ErrorMessage = "Indiquez le début de la session.")]
        public DateTime? Start { get; set; }

        [Display(Name = "Fin")]
        [Required(ErrorMessage = "Indiquez la fin de la session.")]
        public DateTime? End { get; set; }

        [Display(Name = "Lieu")]
        [Required(ErrorMessage = "Indiquez le lieu.")]
        [StringLength(300, ErrorMessage = "Au plus 300 caractères.")]
        public string? Place { get; set; }

        [Display(Name = "Places")]
        [Required(ErrorMessage = "Indiquez le nombre de places.")]
        [Range(1, TrainingModule.MaxParticipantsLimit, ErrorMessage = "De 1 à 100 places.")]
        public int? Seats { get; set; }

        [Display(Name = "Libération des places réservées")]
        [Required(ErrorMessage = "Indiquez quand les places réservées s'ouvrent à tous.")]
        public DateTime? ReleaseAt { get; set; }

        [Display(Name = "Décision de maintien (go / no go)")]
        [Required(ErrorMessage = "Indiquez la date de décision.")]
        public DateTime? GoNoGoAt { get; set; }

        /// <summary>Seats kept per network id until the release date.</summary>
        public Dictionary<int, int>? Quotas { get; set; }
    }
}
