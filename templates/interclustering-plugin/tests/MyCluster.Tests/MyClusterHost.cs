using Platform.Testing;

namespace Platform.Plugins.MyCluster.Tests;

/// <summary>The real host, a temporary database with the demo networks and accounts, and this plugin from its build output.</summary>
public sealed class MyClusterHost() : PluginTestHost(BuildFolderOf(typeof(MyClusterHost).Assembly));
