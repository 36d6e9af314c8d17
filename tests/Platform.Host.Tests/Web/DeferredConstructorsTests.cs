using System.Collections.ObjectModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Networks;
using Platform.Host.Tests.Support;
using Platform.Host.Web;

namespace Platform.Host.Tests.Web;

[Collection(SharedHost.Name)]
public sealed class DeferredConstructorsTests(SharedHostFactory factory)
{
    [Fact]
    public void AConstructor_IsCalledThroughReflectionFirst_CompiledAtItsSecondCall_AndNeverForATypeNotBuilt()
    {
        var provider = Provider(services =>
        {
            services.AddSingleton<Clock>();
            services.AddTransient<Greeter>();
            services.AddTransient<NeverBuilt>();
        });

        Assert.Equal((true, false), DeferredConstructors.StateOf(Constructor<Greeter>()));
        var first = provider.GetRequiredService<Greeter>();

        // Autofac called the deferred delegate (it would have compiled its own otherwise), which built the
        // object through reflection as Autofac's would: the dependency, and the default of a value-type parameter.
        Assert.Equal((true, false), DeferredConstructors.StateOf(Constructor<Greeter>()));
        Assert.Same(provider.GetRequiredService<Clock>(), first.Clock);
        Assert.Equal(3, first.Times);

        var second = provider.GetRequiredService<Greeter>();

        Assert.Equal((true, true), DeferredConstructors.StateOf(Constructor<Greeter>()));
        Assert.NotSame(first, second);
        Assert.Same(first.Clock, second.Clock);
        Assert.Equal(3, second.Times);
        Assert.Equal((true, false), DeferredConstructors.StateOf(Constructor<NeverBuilt>()));
    }

    [Fact]
    public void AConstructorsException_ReachesAutofacAsItWasThrown_ThroughReflectionAsWhenCompiled()
    {
        var provider = Provider(services => services.AddTransient<Failing>());

        var throughReflection = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Failing>());
        var compiled = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Failing>());

        Assert.Equal((true, true), DeferredConstructors.StateOf(Constructor<Failing>()));
        foreach (var exception in new[] { throughReflection, compiled })
        {
            // Autofac's own exceptions around it, and no reflection's TargetInvocationException between them and it.
            var chain = new List<Exception>();
            for (var inner = exception; inner is not null; inner = inner.InnerException)
            {
                chain.Add(inner);
            }

            var thrown = Assert.IsType<InvalidOperationException>(chain[^1]);
            Assert.Equal(Failing.Message, thrown.Message);
            Assert.IsType<Autofac.Core.DependencyResolutionException>(chain[^2]);
        }
    }

    [Fact]
    public void TheHost_DefersItsServicesConstructors()
    {
        _ = factory.Services.GetRequiredService<NetworkNavigation>();

        // Whether it is compiled depends on how many hosts the test process has built (the cache is the process's).
        Assert.True(DeferredConstructors.StateOf(Constructor<NetworkNavigation>()).Deferred);
    }

    private static IServiceProvider Provider(Action<IServiceCollection> register)
    {
        var services = new CollectingServiceCollection();
        register(services);
        var containerFactory = new DeferredConstructorsServiceProviderFactory();
        return containerFactory.CreateServiceProvider(containerFactory.CreateBuilder(services));
    }

    /// <summary>
    /// A service collection that collects the garbage each time it is enumerated, as a host's start-up may
    /// at any moment: Autofac holds its shared cache of constructor delegates weakly, and the deferred
    /// delegates put there must still be in it when Autofac's build reads it.
    /// </summary>
    private sealed class CollectingServiceCollection : Collection<ServiceDescriptor>, IServiceCollection, IEnumerable<ServiceDescriptor>
    {
        IEnumerator<ServiceDescriptor> IEnumerable<ServiceDescriptor>.GetEnumerator()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return GetEnumerator();
        }
    }

    private static System.Reflection.ConstructorInfo Constructor<T>() => Assert.Single(typeof(T).GetConstructors());

    private sealed class Clock;

    private sealed class Greeter(Clock clock, int times = 3)
    {
        public Clock Clock => clock;

        public int Times => times;
    }

    private sealed class NeverBuilt(Clock clock)
    {
        public Clock Clock => clock;
    }

    private sealed class Failing
    {
        public const string Message = "le constructeur échoue";

        public Failing() => throw new InvalidOperationException(Message);
    }
}
