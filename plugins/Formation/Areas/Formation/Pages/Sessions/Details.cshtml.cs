using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Directory;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;
using Platform.Plugins.Formation.Pages.Programmes;

namespace Platform.Plugins.Formation.Pages.Sessions;

/// <summary>
/// <c>/c/{network}/formation/sessions/{id}</c>: a session, its seats per network; members enrol
/// their employees through the network of the URL; the carrier's animators take attendance and
/// decide on sessions under their minimum (maintain, merge, postpone, cancel).
/// </summary>
public sealed class DetailsModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks, ICompanyDirectory directory)
    : ProgrammePageModel(programmes, access, networks)
{
    public TrainingSession Session { get; private set; } = null!;

    public DateTime Now { get; private set; }

    public bool IsMemberCompany { get; private set; }

    public bool CanEnrol => IsMemberCompany && Session.IsLive && Now < Session.StartUtc;

    public IReadOnlyList<Enrolment> MyTrainees { get; private set; } = [];

    public IReadOnlyDictionary<int, string> CompanyNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<TrainingSession> MergeTargets { get; private set; } = [];

    // Several forms on one page: each handler binds its own form only (see Programmes/Plan).
    public TraineeInput Trainee { get; set; } = new();

    public PostponeInput Postponement { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var start = FormationFormat.ToParis(Session.StartUtc).AddDays(14);
        Postponement = new PostponeInput
        {
            Start = start,
            End = start + (Session.EndUtc - Session.StartUtc),
            ReleaseAt = start.AddDays(-14) > FormationFormat.ToParis(Now) ? start.AddDays(-14) : FormationFormat.ToParis(Now).AddDays(1),
            GoNoGoAt = start.AddDays(-7),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!IsMemberCompany)
        {
            return Forbid();
        }

        if (await TryUpdateModelAsync(Trainee, nameof(Trainee)))
        {
            var outcome = await Programmes.EnrolAsync(id, Access.Member.CompanyId!.Value, Network.Id, Trainee.Name!.Trim(), Access.Member.UserId!, HttpContext.RequestAborted);
            if (outcome.Enrolment is { } enrolment)
            {
                Message = $"{enrolment.TraineeName} est inscrit(e)" + (enrolment.Seat == SeatKind.Reserved ? $" sur une place réservée à {Network.Name}." : " sur une place ouverte à tous.");
                return Redirect(SelfUrl(id));
            }

            ModelState.AddModelError("Trainee.Name", outcome.Refusal!);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int enrolmentId)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!IsMemberCompany)
        {
            return Forbid();
        }

        var refusal = await Programmes.WithdrawAsync(id, enrolmentId, Access.Member.CompanyId!.Value, HttpContext.RequestAborted);
        return Done(id, refusal, "L'inscription est annulée : la place est libérée.");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, List<int>? present)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var refusal = await Programmes.RecordAttendanceAsync(id, (present ?? []).ToHashSet(), HttpContext.RequestAborted);
        return Done(id, refusal, "Feuille de présence enregistrée : le coût de la session est compté comme dépensé.");
    }

    public Task<IActionResult> OnPostConfirmAsync(int id) =>
        DecideAsync(id, new SessionDecision(SessionDecisionKind.Confirm), "La session est maintenue.");

    public Task<IActionResult> OnPostCancelAsync(int id) =>
        DecideAsync(id, new SessionDecision(SessionDecisionKind.Cancel), "La session est annulée ; les entreprises inscrites sont prévenues.");

    public Task<IActionResult> OnPostMergeAsync(int id, int? targetSessionId) =>
        DecideAsync(id, new SessionDecision(SessionDecisionKind.Merge, targetSessionId), "Les stagiaires sont regroupés dans l'autre session ; celle-ci est annulée.");

    public async Task<IActionResult> OnPostPostponeAsync(int id)
    {
        if (!await TryUpdateModelAsync(Postponement, nameof(Postponement)))
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var p = Postponement;
        return await DecideAsync(id, new SessionDecision(SessionDecisionKind.Postpone, null,
            FormationFormat.FromParis(p.Start!.Value), FormationFormat.FromParis(p.End!.Value),
            FormationFormat.FromParis(p.ReleaseAt!.Value), FormationFormat.FromParis(p.GoNoGoAt!.Value)), "La session est reportée ; les entreprises inscrites sont prévenues.");
    }

    private async Task<IActionResult> DecideAsync(int id, SessionDecision decision, string success)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var result = await Programmes.DecideAsync(id, decision, ProgrammeNetworks[Programme.CarrierNetworkId].Slug, HttpContext.RequestAborted);
        return Done(id, result.Refusal, success);
    }

    private IActionResult Done(int id, string? refusal, string success)
    {
        if (refusal is null)
        {
            Message = success;
            return Redirect(SelfUrl(id));
        }

        // Only the refusal matters here: the enrolment and postponement fields were not part of this form.
        ModelState.Clear();
        ModelState.AddModelError("", refusal);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private string SelfUrl(int id) => $"/c/{Network.Slug}/formation/sessions/{id}";

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await Programmes.FindSessionAsync(id, ct) is not { } session || !await LoadProgrammeAsync(session.ProgrammeId))
        {
            return false;
        }

        Session = session;
        Now = Programmes.Now;
        IsMemberCompany = await Access.IsMemberCompanyAsync(ct);
        MyTrainees = IsMemberCompany ? [.. session.Enrolments.Where(e => e.CompanyId == Access.Member.CompanyId).OrderBy(e => e.TraineeName)] : [];
        if (CanManage)
        {
            var names = new Dictionary<int, string>();
            foreach (var companyId in session.Enrolments.Select(e => e.CompanyId).Distinct())
            {
                names[companyId] = (await directory.FindCompanyAsync(companyId, ct))?.Name ?? $"Entreprise {companyId}";
            }

            CompanyNames = names;
            MergeTargets = await Programmes.MergeTargetsAsync(session, ct);
        }

        return true;
    }

    public sealed class TraineeInput
    {
        [Display(Name = "Nom et prénom du salarié")]
        [Required(ErrorMessage = "Indiquez le nom du salarié à inscrire.")]
        [StringLength(Enrolment.MaxNameLength, MinimumLength = 2, ErrorMessage = "Le nom fait de 2 à 120 caractères.")]
        public string? Name { get; set; }
    }

    public sealed class PostponeInput
    {
        [Display(Name = "Nouveau début")]
        [Required(ErrorMessage = "Indiquez le nouveau début.")]
        public DateTime? Start { get; set; }

        [Display(Name = "Nouvelle fin")]
        [Required(ErrorMessage = "Indiquez la nouvelle fin.")]
        public DateTime? End { get; set; }

        [Display(Name = "Libération des places réservées")]
        [Required(ErrorMessage = "Indiquez la date de libération des places.")]
        public DateTime? ReleaseAt { get; set; }

        [Display(Name = "Nouvelle décision de maintien")]
        [Required(ErrorMessage = "Indiquez la nouvelle date de décision.")]
        public DateTime? GoNoGoAt { get; set; }
    }
}
