using System.Runtime.ExceptionServices;
using Autofac;
using Platform.Abstractions.Events;
using Platform.Host.Resilience;

namespace Platform.Host.Plugins;

/// <summary>
/// Delivers a domain event to its handlers: the host's always, a plugin's only when the plugin is
/// loaded and, for a network's event, enabled for that network. A plugin handler runs inside the
/// plugin's circuit breaker; its failure is logged and never reaches the caller.
/// </summary>
internal sealed class DomainEventPublisher(
    ILifetimeScope scope,
    PluginCatalog catalog,
    IServiceProvider services,
    PluginCircuitBreakers breakers,
    ILogger<DomainEventPublisher> logger) : IDomainEventPublisher
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(domainEvent.GetType());
        var handlers = (IEnumerable<object>)scope.Resolve(typeof(IEnumerable<>).MakeGenericType(handlerType));
        var method = handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!;
        foreach (var handler in handlers)
        {
            var plugin = catalog.FindByAssembly(handler.GetType().Assembly);
            if (plugin is null)
            {
                await (Task)method.Invoke(handler, [domainEvent, cancellationToken])!;
                continue;
            }

            var aboutItself = domainEvent is PluginDisabled disabled && string.Equals(disabled.PluginId, plugin.Id, StringComparison.OrdinalIgnoreCase);
            if (domainEvent.NetworkId is { } networkId && !aboutItself
                && !await services.GetRequiredService<PluginEnablementService>().IsEnabledAsync(plugin.Id, networkId, cancellationToken))
            {
                continue;
            }

            var failure = await breakers.RunAsync(
                plugin.Id, "events", static run => (Task)run.method.Invoke(run.handler, [run.domainEvent, run.cancellationToken])!,
                (method, handler, domainEvent, cancellationToken), cancellationToken);
            if (failure is not null)
            {
                // A publication cancelled by its caller stops here, as one without plugins would.
                if (cancellationToken.IsCancellationRequested)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }

                logger.LogError(failure, "Plugin {PluginId} failed handling {Event}", plugin.Id, domainEvent.GetType().Name);
            }
        }
    }
}
