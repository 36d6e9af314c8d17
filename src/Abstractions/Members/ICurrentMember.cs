namespace Platform.Abstractions.Members;

/// <summary>The signed-in person of the current request, as plugins see them.</summary>
public interface ICurrentMember
{
    /// <summary>Whether someone is signed in.</summary>
    bool IsAuthenticated { get; }

    /// <summary>The user's stable id, or <see langword="null"/> when anonymous.</summary>
    string? UserId { get; }

    /// <summary>The name to show, or <see langword="null"/> when anonymous.</summary>
    string? DisplayName { get; }

    /// <summary>The id of the company the user belongs to, when they are a member of one.</summary>
    int? CompanyId { get; }

    /// <summary>Whether the user administers the whole platform.</summary>
    bool IsPlatformAdmin { get; }

    /// <summary>The ids of the networks the user animates.</summary>
    IReadOnlySet<int> AnimatedNetworkIds { get; }

    /// <summary>Whether the user animates this network (platform admins animate every network).</summary>
    bool IsAnimatorOf(int networkId) => IsPlatformAdmin || AnimatedNetworkIds.Contains(networkId);
}
