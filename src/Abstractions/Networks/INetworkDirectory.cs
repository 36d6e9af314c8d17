namespace Platform.Abstractions.Networks;

/// <summary>Read access to the networks of the platform.</summary>
public interface INetworkDirectory
{
    /// <summary>Every network, ordered by name.</summary>
    Task<IReadOnlyList<NetworkInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The network with this slug (case-insensitive), or <see langword="null"/>.</summary>
    Task<NetworkInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>The network with this id, or <see langword="null"/>.</summary>
    Task<NetworkInfo?> FindAsync(int id, CancellationToken cancellationToken = default);
}
