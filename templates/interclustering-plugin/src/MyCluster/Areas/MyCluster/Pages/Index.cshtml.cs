using Microsoft.AspNetCore.Authorization;
#if (data)
using Microsoft.AspNetCore.Mvc;
#endif
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;
#if (data)
using Platform.Plugins.MyCluster.Data;
#endif

namespace Platform.Plugins.MyCluster.Pages;

/// <summary>
/// Served at <c>/c/{réseau}/mycluster</c>, only for networks where an administrator enabled the module;
/// for signed-in users (members, animators, administrators).
/// </summary>
[Authorize]
#if (data)
public sealed class IndexModel(IdeaBox ideas, ICurrentNetwork network, ICurrentMember member) : PageModel
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public string Heading { get; private set; } = "";

    public IReadOnlyList<Idea> Ideas { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool HasMore { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var error = await ideas.AddAsync(network.Required.Id, member.DisplayName ?? "Membre", Text);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Text), error);
            await LoadAsync();
            return Page();
        }

        return RedirectToPage();
    }

    public static DateTime ParisTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    private async Task LoadAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Heading = $"MODULE_TITLE — {network.Required.Name}";
        Ideas = await ideas.LatestAsync(network.Required.Id, PageNumber);
        HasMore = await ideas.CountAsync(network.Required.Id) > PageNumber * IdeaBox.PageSize;
    }
}
#else
public sealed class IndexModel(ICurrentNetwork network, ICurrentMember member) : PageModel
{
    public string Heading { get; private set; } = "";

    public string MemberName { get; private set; } = "";

    public void OnGet()
    {
        Heading = $"MODULE_TITLE — {network.Required.Name}";
        MemberName = member.DisplayName ?? "membre";
    }
}
#endif
