namespace Platform.Abstractions.Events;

/// <summary>Publishes a domain event to the host's and the enabled plugins' handlers.</summary>
public interface IDomainEventPublisher
{
    /// <summary>Delivers the event to every handler allowed to see it, one after the other.</summary>
    Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent;
}
