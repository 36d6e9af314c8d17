using Platform.Abstractions.Events;

namespace Platform.Abstractions.Directory;

/// <summary>A company became a member of a network (an animator's import, for instance).</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="NetworkId">The network it joined; the event reaches the plugins enabled for it.</param>
/// <param name="OccurredAtUtc">When (UTC).</param>
public sealed record CompanyJoinedNetwork(int CompanyId, int NetworkId, DateTime OccurredAtUtc) : IDomainEvent
{
    /// <summary>The network joined.</summary>
    int? IDomainEvent.NetworkId => NetworkId;
}

/// <summary>A company stopped being a member of a network.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="NetworkId">The network it left; the event reaches the plugins enabled for it.</param>
/// <param name="OccurredAtUtc">When (UTC).</param>
public sealed record CompanyLeftNetwork(int CompanyId, int NetworkId, DateTime OccurredAtUtc) : IDomainEvent
{
    /// <summary>The network left.</summary>
    int? IDomainEvent.NetworkId => NetworkId;
}
