using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages;

/// <summary>
/// <c>/c/{network}/formation</c>: the programmes the network carries or joined; its animators start
/// a new one, carried by their network, with the partner networks they choose.
/// </summary>
public sealed class IndexModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks) : PageModel
{
    public NetworkInfo Network => access.Network;

    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public IReadOnlyDictionary<int, string> NetworkNames { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<NetworkInfo> OtherNetworks { get; private set; } = [];

    public bool CanCreate => access.Member.IsAuthenticated && access.Member.IsAnimatorOf(Network.Id);

    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!CanCreate)
        {
            return Forbid();
        }

        var themes = (Input.Themes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (themes.Count == 0)
        {
            ModelState.AddModelError("Input.Themes", "Indiquez au moins un thème de formation, un par ligne.");
        }
        else if (themes.Count > Programme.MaxThemes || themes.Any(t => t.Length > 120))
        {
            ModelState.AddModelError("Input.Themes", $"Au plus {Programme.MaxThemes} thèmes de 120 caractères chacun.");
        }

        var partners = Input.PartnerNetworkIds ?? [];
        if (partners.Any(id => OtherNetworks.All(n => n.Id != id)))
        {
            ModelState.AddModelError("Input.PartnerNetworkIds", "Choisissez les partenaires dans la liste des réseaux.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var programme = await programmes.CreateAsync(
            new ProgrammeDraft(Input.Title!.Trim(), Input.Description?.Trim(), (long)(Input.Budget!.Value * 100), Input.TargetTrainees ?? 0, partners, themes),
            Network.Id, HttpContext.RequestAborted);
        return Redirect($"/c/{Network.Slug}/formation/programmes/{programme.Id}");
    }

    private async Task LoadAsync()
    {
        Programmes = await programmes.ListForNetworkAsync(Network.Id, HttpContext.RequestAborted);
        var all = await networks.ListAsync(HttpContext.RequestAborted);
        NetworkNames = all.ToDictionary(n => n.Id, n => n.Name);
        OtherNetworks = [.. all.Where(n => n.Id != Network.Id)];
    }

    public sealed class ProgrammeInput
    {
        [Display(Name = "Intitulé")]
        [Required(ErrorMessage = "Donnez un intitulé au programme.")]
        [StringLength(200, ErrorMessage = "L'intitulé fait au plus 200 caractères.")]
        public string? Title { get; set; }

        [Display(Name = "Présentation")]
        [StringLength(4000, ErrorMessage = "La présentation fait au plus 4 000 caractères.")]
        public string? Description { get; set; }

        [Display(Name = "Enveloppe budgétaire (€)")]
        [Required(ErrorMessage = "Indiquez l'enveloppe budgétaire.")]
        [Range(1d, 10_000_000d, ErrorMessage = "L'enveloppe va de 1 € à 10 000 000 €.")] // double bounds: int ones overflow converting a large decimal
        public decimal? Budget { get; set; }

        [Display(Name = "Salariés à former (objectif)")]
        [Range(0, 100_000, ErrorMessage = "L'objectif va de 0 à 100 000 salariés.")]
        public int? TargetTrainees { get; set; }

        [Display(Name = "Réseaux partenaires")]
        public List<int>? PartnerNetworkIds { get; set; }

        [Display(Name = "Thèmes proposés au recueil des besoins (un par ligne)")]
        public string? Themes { get; set; }
    }
}
