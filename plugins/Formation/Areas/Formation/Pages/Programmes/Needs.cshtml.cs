using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages.Programmes;

/// <summary>
/// <c>/c/{network}/formation/programmes/{id}/besoins</c>: member companies of the network answer the
/// needs questionnaire (themes, employees, preferred period); the programme's animators read the
/// needs aggregated per theme and per network.
/// </summary>
public sealed class NeedsModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks)
    : ProgrammePageModel(programmes, access, networks)
{
    public bool CanAnswer { get; private set; }

    public bool HasAnswered { get; private set; }

    public int ResponseCount { get; private set; }

    public IReadOnlyList<NeedsCell> Summary { get; private set; } = [];

    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (HasAnswered && await Programmes.FindNeedsAsync(id, Access.Member.CompanyId!.Value, HttpContext.RequestAborted) is { } answer)
        {
            Input = new NeedsInput
            {
                ThemeIds = [.. answer.Themes.Select(t => t.ThemeId)],
                Employees = answer.Employees,
                PreferredPeriod = answer.PreferredPeriod,
                Comment = answer.Comment,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanAnswer)
        {
            return Forbid();
        }

        if ((Input.ThemeIds ?? []).Count == 0)
        {
            ModelState.AddModelError("Input.ThemeIds", "Cochez au moins un thème.");
        }

        if (ModelState.IsValid)
        {
            var refusal = await Programmes.AnswerNeedsAsync(id, new NeedsAnswer(
                Access.Member.CompanyId!.Value, Network.Id, Access.Member.UserId!, Input.ThemeIds!, Input.Employees!.Value,
                Input.PreferredPeriod, string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment.Trim()), HttpContext.RequestAborted);
            if (refusal is null)
            {
                Message = "Merci : les besoins de votre entreprise sont enregistrés. Vous pouvez les modifier jusqu'à la clôture du recueil.";
                return Redirect($"/c/{Network.Slug}/formation/programmes/{id}/besoins");
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

        var isMember = await Access.IsMemberCompanyAsync(HttpContext.RequestAborted);
        CanAnswer = isMember && Programme.Phase == ProgrammePhase.NeedsCollection;
        HasAnswered = isMember && await Programmes.FindNeedsAsync(id, Access.Member.CompanyId!.Value, HttpContext.RequestAborted) is not null;
        if (CanSeeFigures)
        {
            Summary = await Programmes.NeedsSummaryAsync(id, HttpContext.RequestAborted);
            ResponseCount = await Programmes.NeedResponseCountAsync(id, HttpContext.RequestAborted);
        }

        return true;
    }

    public sealed class NeedsInput
    {
        [Display(Name = "Thèmes de formation souhaités")]
        public List<int>? ThemeIds { get; set; }

        [Display(Name = "Nombre de salariés à former")]
        [Required(ErrorMessage = "Indiquez combien de salariés vous enverriez en formation.")]
        [Range(1, NeedResponse.MaxEmployees, ErrorMessage = "De 1 à 5 000 salariés.")]
        public int? Employees { get; set; }

        [Display(Name = "Période préférée")]
        public PreferredPeriod PreferredPeriod { get; set; }

        [Display(Name = "Précisions (facultatif)")]
        [StringLength(2000, ErrorMessage = "Au plus 2 000 caractères.")]
        public string? Comment { get; set; }
    }
}
