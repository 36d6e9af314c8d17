namespace Platform.Abstractions.Events;

/// <summary>An administrator disabled a plugin for a network.</summary>
/// <param name="PluginId">The plugin.</param>
/// <param name="NetworkId">The network it was disabled for.</param>
/// <param name="OccurredAtUtc">When (UTC).</param>
public sealed record PluginDisabled(string PluginId, int? NetworkId, DateTime OccurredAtUtc) : IDomainEvent;
