using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Networks;
using Platform.Host.Tests.Support;
using Platform.Host.Web;

namespace Platform.Host.Tests.Web;

[Collection(SharedHost.Name)]
public sealed class DeferredConstructorsTests(SharedHostFactory factory)
{
    [Fact]
    public void AConstructor_IsCompiledWhenAutofacFirstCallsIt_AndNeverForATypeNotBuilt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Clock>();
        services.AddTransient<Greeter>();
        services.AddTransient<NeverBuilt>();
        var containerFactory = new DeferredConstructorsServiceProviderFactory();
        var provider = containerFactory.CreateServiceProvider(containerFactory.CreateBuilder(services));

        Assert.Equal((true, false), DeferredConstructors.StateOf(Constructor<Greeter>()));
        var greeter = provider.GetRequiredService<Greeter>();

        // Autofac called the deferred delegate (it would have compiled its own otherwise), which built
        // the object as Autofac's would: the dependency, and the default of a value-type parameter.
        Assert.Equal((true, true), DeferredConstructors.StateOf(Constructor<Greeter>()));
        Assert.Same(provider.GetRequiredService<Clock>(), greeter.Clock);
        Assert.Equal(3, greeter.Times);
        Assert.NotSame(greeter, provider.GetRequiredService<Greeter>());
        Assert.Equal((true, false), DeferredConstructors.StateOf(Constructor<NeverBuilt>()));
    }

    [Fact]
    public void TheHost_DefersItsServicesConstructors()
    {
        _ = factory.Services.GetRequiredService<NetworkNavigation>();

        Assert.Equal((true, true), DeferredConstructors.StateOf(Constructor<NetworkNavigation>()));
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
}
