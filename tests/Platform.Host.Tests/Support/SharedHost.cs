namespace Platform.Host.Tests.Support;

/// <summary>Test classes in this collection share one host with every fixture plugin installed.</summary>
[CollectionDefinition(Name)]
public sealed class SharedHost : ICollectionFixture<SharedHostFactory>
{
    public const string Name = "host with fixture plugins";
}

/// <summary>The shared host: every fixture plugin, good and broken, installed together.</summary>
public sealed class SharedHostFactory() : PlatformFactory(TestPaths.FixturePlugins);

/// <summary>
/// Test classes of this collection fuzz, inject and post into every form of the site: they get their own
/// host so the data other tests assert (the brief's figures, member lists) stays untouched.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityHost : ICollectionFixture<SecurityHostFactory>
{
    public const string Name = "host attacked by the security tests";
}

/// <summary>
/// Every fixture plugin, like the shared host, and the real sample plugin Formation (its demo programme
/// is seeded, as in demo mode), on a database of its own.
/// </summary>
public sealed class SecurityHostFactory() : PlatformFactory(TestPaths.FixturePluginsAnd(FormationPlugin))
{
    public const string FormationPlugin = "Formation";

    /// <summary>The network carrying Formation's demo programme (id 1), with six partner networks.</summary>
    public const string FormationDemoCarrier = "fruits-legumes-nutrition-sante";
}
