namespace Platform.Abstractions.Events;

/// <summary>
/// Reacts to a host domain event. Register implementations in the plugin's Autofac module
/// (<c>builder.RegisterType&lt;X&gt;().As&lt;IDomainEventHandler&lt;PluginEnabled&gt;&gt;()</c>).
/// A handler that throws is logged and counted against the plugin's circuit breaker; it never
/// makes the host's action fail.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Handler of domain events, not a .NET event delegate: the house naming is <Noun>Handler.")]
public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    /// <summary>Handles one event, after the host's change was saved.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}
