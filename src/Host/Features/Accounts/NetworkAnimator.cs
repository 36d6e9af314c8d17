using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Accounts;

/// <summary>A user animates a network.</summary>
public sealed class NetworkAnimator
{
    public required string UserId { get; set; }

    public int NetworkId { get; set; }

    public Network? Network { get; set; }
}
