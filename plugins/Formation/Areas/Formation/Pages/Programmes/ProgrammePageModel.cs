using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages.Programmes;

/// <summary>
/// The pages of one programme, seen from the network in the URL: they load it (404 when that network
/// neither carries nor joined it) and the names of its networks.
/// </summary>
public abstract class ProgrammePageModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks) : PageModel
{
    protected ProgrammeService Programmes => programmes;

    public FormationAccess Access => access;

    public NetworkInfo Network => access.Network;

    public Programme Programme { get; private set; } = null!;

    public IReadOnlyDictionary<int, NetworkInfo> ProgrammeNetworks { get; private set; } = new Dictionary<int, NetworkInfo>();

    public bool CanManage => access.CanManage(Programme);

    public bool CanSeeFigures => access.CanSeeFigures(Programme);

    public string NetworkName(int networkId) => ProgrammeNetworks.TryGetValue(networkId, out var n) ? n.Name : $"Réseau {networkId}";

    /// <summary>Loads the programme; <see langword="false"/> when the page must answer 404.</summary>
    protected async Task<bool> LoadProgrammeAsync(int id)
    {
        if (await programmes.FindAsync(id, Network.Id, HttpContext.RequestAborted) is not { } programme)
        {
            return false;
        }

        Programme = programme;
        var all = await networks.ListAsync(HttpContext.RequestAborted);
        ProgrammeNetworks = all.Where(n => programme.Involves(n.Id)).ToDictionary(n => n.Id);
        return true;
    }
}
