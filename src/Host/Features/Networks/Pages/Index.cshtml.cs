using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks.Pages;

public sealed class IndexModel(INetworkDirectory directory) : PageModel
{
    public IReadOnlyList<IGrouping<NetworkKind, NetworkInfo>> Groups { get; private set; } = [];

    public async Task OnGetAsync() =>
        Groups = (await directory.ListAsync(HttpContext.RequestAborted)).GroupBy(n => n.Kind).OrderBy(g => g.Key).ToList();
}
