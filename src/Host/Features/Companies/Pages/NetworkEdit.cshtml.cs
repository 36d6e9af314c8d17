using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Companies.Pages;

/// <summary><c>/annuaire/reseaux/{slug}/modifier</c>: the network's animators edit its presentation.</summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public sealed class NetworkEditModel(CompanyDirectory directory, CompanyEditing editing, ICurrentMember member) : PageModel
{
    public sealed class NetworkInput
    {
        [StringLength(4000, ErrorMessage = "La présentation ne doit pas dépasser 4 000 caractères.")]
        public string? Description { get; set; }

        [StringLength(1000, ErrorMessage = "Les labels ne doivent pas dépasser 1 000 caractères.")]
        public string? Labels { get; set; }

        [Url(ErrorMessage = "Le site web doit être une adresse complète (https://…).")]
        [StringLength(300, ErrorMessage = "L'adresse ne doit pas dépasser 300 caractères.")]
        public string? Website { get; set; }

        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string? AnimatorName { get; set; }

        [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide.")]
        [StringLength(256, ErrorMessage = "L'adresse ne doit pas dépasser 256 caractères.")]
        public string? AnimatorEmail { get; set; }

        [StringLength(30, ErrorMessage = "Le téléphone ne doit pas dépasser 30 caractères.")]
        public string? AnimatorPhone { get; set; }
    }

    [BindProperty]
    public NetworkInput Input { get; set; } = new();

    public Networks.Network Network { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await Find(slug) is not { } network)
        {
            return NotFound();
        }

        Input = new NetworkInput
        {
            Description = network.Description, Labels = network.Labels, Website = network.Website,
            AnimatorName = network.AnimatorName, AnimatorEmail = network.AnimatorEmail, AnimatorPhone = network.AnimatorPhone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (await Find(slug) is not { } network)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await editing.UpdateNetworkAsync(network.Id, Input.Description, Input.Labels, Input.Website, Input.AnimatorName, Input.AnimatorEmail, Input.AnimatorPhone, member, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Message"] = "La présentation du réseau a été enregistrée.";
        return Redirect($"/annuaire/reseaux/{network.Slug}");
    }

    private async Task<Networks.Network?> Find(string slug)
    {
        var network = await directory.FindNetworkAsync(slug, HttpContext.RequestAborted);
        if (network is null || !member.IsAnimatorOf(network.Id))
        {
            return null;
        }

        Network = network;
        return network;
    }
}
