namespace Platform.Host.Tests.Support;

/// <summary>Test classes in this collection share one host with every fixture plugin installed.</summary>
[CollectionDefinition(Name)]
public sealed class SharedHost : ICollectionFixture<SharedHostFactory>
{
    public const string Name = "host with fixture plugins";
}

/// <summary>The shared host: every fixture plugin, good and broken, installed together.</summary>
public sealed class SharedHostFactory() : PlatformFactory(TestPaths.FixturePlugins);
