using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages.Programmes;

/// <summary>
/// <c>/c/{network}/formation/programmes/{id}/cahiers-des-charges</c>: the specifications grouping the
/// themes' needs, and the modules answering them (training body, duration, participants, cost).
/// The carrier's animators add them once the needs collection is closed.
/// </summary>
public sealed class PlanModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks)
    : ProgrammePageModel(programmes, access, networks)
{
    public IReadOnlyList<Specification> Specifications { get; private set; } = [];

    public IReadOnlyList<TrainingModule> Modules { get; private set; } = [];

    public bool CanEdit => CanManage && Programme.Phase is ProgrammePhase.Specification or ProgrammePhase.Sessions;

    // Two forms on one page: each handler binds its own form only (a [BindProperty] for both would
    // also validate the other form, and an absent prefix makes MVC bind it from the top-level keys).
    public SpecificationInput Specification { get; set; } = new();

    public ModuleInput Module { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSpecificationAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (await TryUpdateModelAsync(Specification, nameof(Specification)))
        {
            var refusal = await Programmes.AddSpecificationAsync(id, Specification.Title!.Trim(), Specification.Description?.Trim(), Specification.ThemeIds ?? [], HttpContext.RequestAborted);
            if (refusal is null)
            {
                Message = $"Cahier des charges « {Specification.Title.Trim()} » ajouté.";
                return Redirect($"/c/{Network.Slug}/formation/programmes/{id}/cahiers-des-charges");
            }

            ModelState.AddModelError("", refusal);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostModuleAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var valid = await TryUpdateModelAsync(Module, nameof(Module));
        if (Module.MaxParticipants < Module.MinParticipants)
        {
            ModelState.AddModelError("Module.MaxParticipants", "Le maximum de participants doit être au moins égal au minimum.");
            valid = false;
        }

        if (valid)
        {
            var module = new TrainingModule
            {
                SpecificationId = Module.SpecificationId!.Value,
                ThemeId = Module.ThemeId,
                Title = Module.Title!.Trim(),
                DurationHours = Module.DurationHours!.Value,
                MinParticipants = Module.MinParticipants!.Value,
                MaxParticipants = Module.MaxParticipants!.Value,
                TrainingBody = Module.TrainingBody!.Trim(),
                SessionCostCents = (long)(Module.SessionCost!.Value * 100),
            };
            var refusal = await Programmes.AddModuleAsync(id, module, HttpContext.RequestAborted);
            if (refusal is null)
            {
                Message = $"Module « {module.Title} » ajouté.";
                return Redirect($"/c/{Network.Slug}/formation/programmes/{id}/cahiers-des-charges");
            }

            ModelState.AddModelError("", refusal);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadProgrammeAsync(id))
        {
            return false;
        }

        Specifications = await Programmes.SpecificationsAsync(id, HttpContext.RequestAborted);
        Modules = await Programmes.ModulesAsync(id, HttpContext.RequestAborted);
        return true;
    }

    public sealed class SpecificationInput
    {
        [Display(Name = "Intitulé du cahier des charges")]
        [Required(ErrorMessage = "Donnez un intitulé au cahier des charges.")]
        [StringLength(200, ErrorMessage = "L'intitulé fait au plus 200 caractères.")]
        public string? Title { get; set; }

        [Display(Name = "Attendus (contenus, public, modalités)")]
        [StringLength(4000, ErrorMessage = "Au plus 4 000 caractères.")]
        public string? Description { get; set; }

        public List<int>? ThemeIds { get; set; }
    }

    public sealed class ModuleInput
    {
        [Display(Name = "Cahier des charges")]
        [Required(ErrorMessage = "Choisissez le cahier des charges.")]
        public int? SpecificationId { get; set; }

        [Display(Name = "Thème (facultatif)")]
        public int? ThemeId { get; set; }

        [Display(Name = "Intitulé du module")]
        [Required(ErrorMessage = "Donnez un intitulé au module.")]
        [StringLength(200, ErrorMessage = "L'intitulé fait au plus 200 caractères.")]
        public string? Title { get; set; }

        [Display(Name = "Durée (heures)")]
        [Required(ErrorMessage = "Indiquez la durée.")]
        [Range(1, 400, ErrorMessage = "La durée va de 1 à 400 heures.")]
        public int? DurationHours { get; set; }

        [Display(Name = "Participants minimum")]
        [Required(ErrorMessage = "Indiquez le minimum de participants.")]
        [Range(1, TrainingModule.MaxParticipantsLimit, ErrorMessage = "Le minimum va de 1 à 100.")]
        public int? MinParticipants { get; set; }

        [Display(Name = "Participants maximum")]
        [Required(ErrorMessage = "Indiquez le maximum de participants.")]
        [Range(1, TrainingModule.MaxParticipantsLimit, ErrorMessage = "Le maximum va de 1 à 100.")]
        public int? MaxParticipants { get; set; }

        [Display(Name = "Organisme de formation")]
        [Required(ErrorMessage = "Indiquez l'organisme de formation.")]
        [StringLength(200, ErrorMessage = "Au plus 200 caractères.")]
        public string? TrainingBody { get; set; }

        [Display(Name = "Coût pédagogique d'une session (€)")]
        [Required(ErrorMessage = "Indiquez le coût d'une session.")]
        [Range(0d, 1_000_000d, ErrorMessage = "Le coût va de 0 à 1 000 000 €.")] // double bounds: int ones overflow converting a large decimal
        public decimal? SessionCost { get; set; }
    }
}
