namespace Platform.Architecture.Tests;

/// <summary>STYLE.md's naming conventions for plugins.</summary>
public sealed class NamingRulesTests
{
    [Fact]
    public void PluginEntryTypes_EndWithPlugin_AndModulesAreInternalAndEndWithModule()
    {
        foreach (var plugin in Built.PluginAssemblies())
        {
            var types = Built.Types(plugin);
            var entries = types.Where(t => t.Interfaces.Contains("IPlugin")).ToList();
            var entry = Assert.Single(entries);
            Assert.EndsWith("Plugin", entry.Name, StringComparison.Ordinal);

            foreach (var module in types.Where(t => t.BaseType == "Module"))
            {
                Assert.EndsWith("Module", module.Name, StringComparison.Ordinal);
                Assert.False(module.IsPublic, $"{module.Name} in {Path.GetFileName(plugin)} should be internal");
            }
        }
    }
}
