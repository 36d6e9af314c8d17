namespace Platform.Abstractions.Events;

/// <summary>An administrator enabled a plugin for a network.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="NetworkId">The network it was enabled for.</param>
/// <param name="OccurredAtUtc">When (UTC).</param>
public sealed record PluginEnabled(string PluginId, int? NetworkId, DateTime OccurredAtUtc) : IDomainEvent;
