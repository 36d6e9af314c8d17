using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Networks.Pages;

/// <summary>A network's home, <c>/c/{network}</c>: the network and the modules it has.</summary>
public sealed class HomeModel(ICurrentNetwork current, ICurrentMember member, PluginEnablementService enablement, PlatformDbContext db) : PageModel
{
    public NetworkInfo Network { get; private set; } = default!;

    public string? Description { get; private set; }

    public IReadOnlyList<InstalledPlugin> Plugins { get; private set; } = [];

    public bool IsAnimator { get; private set; }

    public async Task OnGetAsync()
    {
        // The CurrentNetworkMiddleware already answered 404 for an unknown slug.
        Network = current.Required;
        Description = await db.Networks.Where(n => n.Id == Network.Id).Select(n => n.Description).FirstOrDefaultAsync(HttpContext.RequestAborted);
        Plugins = await enablement.EnabledForAsync(Network.Id, HttpContext.RequestAborted);
        IsAnimator = member.IsAnimatorOf(Network.Id);
    }
}
