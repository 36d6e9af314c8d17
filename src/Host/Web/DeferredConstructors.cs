using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Autofac;
using Autofac.Core;
using Autofac.Extensions.DependencyInjection;
using Autofac.Util.Cache;

namespace Platform.Host.Web;

/// <summary>
/// Autofac, building the container, compiles a constructor delegate for every type registered by its
/// type (<c>ConstructorBinder</c>): at this host's start about 450 expression trees, one dynamic method each,
/// which the JIT compiles fully optimised (dynamic methods are never tiered) — a third of the container
/// build's time, and most of them for the framework's services that are never resolved, or not before a
/// request needs them. This factory gives Autofac, before the build, a delegate for each constructor of
/// the service collection's types that calls the constructor through reflection the first time, and
/// compiles Autofac's expression the second: nothing compiled for a type never built, nor for one built
/// once — most singletons (decision 0017 and its amendment).
/// </summary>
internal sealed class DeferredConstructorsServiceProviderFactory : IServiceProviderFactory<ContainerBuilder>
{
    private readonly AutofacServiceProviderFactory _autofac = new();

    public ContainerBuilder CreateBuilder(IServiceCollection services)
    {
        // Autofac holds its shared reflection caches weakly, through a set that its builders and containers
        // keep once they exist, and nothing holds yet at a host's start: a collection between the delegates'
        // registration and Autofac's first use of the set would lose them all, and Autofac would compile
        // every constructor again. The set is held from here, then by the builder and its container.
        var caches = ReflectionCacheSet.Shared;
        DeferredConstructors.Register(caches, services);
        var builder = _autofac.CreateBuilder(services);
        builder.Properties[typeof(DeferredConstructors).FullName!] = caches;
        return builder;
    }

    public IServiceProvider CreateServiceProvider(ContainerBuilder containerBuilder) => _autofac.CreateServiceProvider(containerBuilder);
}

internal static class DeferredConstructors
{
    /// <summary>
    /// Whether Autofac's delegate for <paramref name="constructor"/> is a deferred one, and whether it has
    /// been compiled (called twice) yet.
    /// </summary>
    public static (bool Deferred, bool Compiled) StateOf(ConstructorInfo constructor) =>
        ConstructorDelegates(ReflectionCacheSet.Shared).TryGetValue(constructor, out var factory) && factory.Target is Deferred deferred
            ? (true, deferred.IsCompiled)
            : (false, false);

    // The cache Autofac's ConstructorBinder reads (ReflectionCacheSet.Internal.ConstructorBinderFactory,
    // not public), by its name; DeferredConstructorsTests fails if Autofac stops reading it.
    private static ReflectionCacheDictionary<ConstructorInfo, Func<object?[], object>> ConstructorDelegates(ReflectionCacheSet caches) =>
        caches.GetOrCreateCache<ReflectionCacheDictionary<ConstructorInfo, Func<object?[], object>>>("ConstructorBinderFactory");

    /// <summary>
    /// Puts a deferred delegate in Autofac's cache of constructor delegates (keyed by constructor, shared
    /// by every container of the process while one holds <paramref name="caches"/>) for each public
    /// constructor of the collection's implementation types. A constructor already there keeps its delegate.
    /// </summary>
    public static void Register(ReflectionCacheSet caches, IServiceCollection services)
    {
        var cache = ConstructorDelegates(caches);
        foreach (var service in services)
        {
            var type = service.IsKeyedService ? service.KeyedImplementationType : service.ImplementationType;
            if (type is null || type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (var constructor in type.GetConstructors())
            {
                cache.TryAdd(constructor, new Deferred(constructor).Invoke);
            }
        }
    }

    private sealed class Deferred(ConstructorInfo constructor)
    {
        private Func<object?[], object>? _compiled;
        private int _calls;

        public object Invoke(object?[] arguments)
        {
            var compiled = _compiled;
            if (compiled is null)
            {
                if (Interlocked.Increment(ref _calls) == 1)
                {
                    // The first call, for most the only one (a singleton): through reflection, nothing compiled.
                    return Reflected(constructor, arguments);
                }

                // Two threads may both compile it once: the same delegate, the second one kept.
                compiled = Compile(constructor);
                _compiled = compiled;
            }

            return compiled(arguments);
        }

        public bool IsCompiled => _compiled is not null;
    }

    /// <summary>
    /// The constructor called through reflection, with the arguments the compiled delegate would pass: a null
    /// argument for a value type as its default (reflection's rule), a primitive converted with
    /// <see cref="Convert.ChangeType(object, Type)"/>; its exceptions thrown as they are.
    /// </summary>
    private static object Reflected(ConstructorInfo constructor, object?[] arguments)
    {
        var parameters = constructor.GetParameters();
        var passed = new object?[arguments.Length];
        for (var index = 0; index < arguments.Length; index++)
        {
            var argument = arguments[index];
            var type = parameters[index].ParameterType;
            passed[index] = argument is not null && type.IsPrimitive ? Convert.ChangeType(argument, type, CultureInfo.CurrentCulture) : argument;
        }

        return constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, passed, culture: null);
    }

    /// <summary>
    /// The delegate Autofac would have compiled: each argument cast to its parameter's type, a null
    /// argument for a value type passed as its default, a primitive converted with <see cref="Convert.ChangeType(object, Type)"/>.
    /// </summary>
    private static Func<object?[], object> Compile(ConstructorInfo constructor)
    {
        var arguments = Expression.Parameter(typeof(object[]), "arguments");
        var changeType = typeof(Convert).GetMethod(nameof(Convert.ChangeType), [typeof(object), typeof(Type)])!;
        var parameters = constructor.GetParameters().Select((parameter, index) =>
        {
            var type = parameter.ParameterType;
            var argument = Expression.ArrayIndex(arguments, Expression.Constant(index));
            Expression converted = Expression.Convert(type.IsPrimitive ? Expression.Call(changeType, argument, Expression.Constant(type)) : argument, type);
            return type.IsValueType
                ? Expression.Condition(Expression.Equal(argument, Expression.Constant(null)), Expression.Default(type), converted)
                : converted;
        });
        return Expression.Lambda<Func<object?[], object>>(Expression.Convert(Expression.New(constructor, parameters), typeof(object)), arguments).Compile();
    }
}
