using Platform.Abstractions.Directory;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation;

/// <summary>
/// Who may do what in a programme, seen from the network of the current page. Animators of the
/// carrier manage the programme; animators of any of its networks see its figures and record
/// progress meetings; members of the current network's companies answer the needs questionnaire and
/// enrol their employees through that network.
/// </summary>
public sealed class FormationAccess(ICurrentMember member, ICurrentNetwork network, ICompanyDirectory directory)
{
    private bool? _companyInNetwork;

    public NetworkInfo Network => network.Required;

    public ICurrentMember Member => member;

    public bool CanManage(Programme programme) => member.IsAuthenticated && member.IsAnimatorOf(programme.CarrierNetworkId);

    public bool CanSeeFigures(Programme programme) =>
        member.IsAuthenticated && programme.NetworkIds.Any(member.IsAnimatorOf);

    /// <summary>Whether the signed-in member's company belongs to the current network (read once per request).</summary>
    public async Task<bool> IsMemberCompanyAsync(CancellationToken cancellationToken = default) =>
        _companyInNetwork ??= member.IsAuthenticated && member.CompanyId is { } companyId
            && (await directory.MembershipsOfCompanyAsync(companyId, cancellationToken)).Any(m => m.NetworkId == Network.Id);
}
