namespace Platform.Abstractions.Events;

/// <summary>
/// Something that happened in the host that plugins may react to. Events named after a past verb
/// (<c>PluginEnabled</c>, <c>QueueClosed</c>). An event concerning one network is delivered only to
/// plugins enabled for that network.
/// </summary>
public interface IDomainEvent
{
    /// <summary>The network concerned, or <see langword="null"/> for platform-wide events.</summary>
    int? NetworkId { get; }

    /// <summary>When it happened (UTC).</summary>
    DateTime OccurredAtUtc { get; }
}
