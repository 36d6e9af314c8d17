using Autofac.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Navigation;

namespace Platform.Abstractions.Plugins;

/// <summary>
/// The entry type of a plugin. The host creates exactly one instance, with a public parameterless
/// constructor, once its manifest and types have been checked. Identity (id, name, version,
/// supported contract range) comes from the manifest, <c>plugin.json</c>, so the host can check it
/// before running any plugin code.
/// </summary>
/// <remarks>
/// Every hook runs once at start-up, before the site answers requests; a hook that throws marks the
/// plugin <em>Faulted</em> and the host starts without it. Hooks may run more than once on throwaway
/// builders (the host dry-runs them): they must have no side effects.
/// </remarks>
public interface IPlugin
{
    /// <summary>
    /// Registers services with the Microsoft dependency-injection API, typically the plugin's own
    /// <c>DbContext</c> (see <see cref="IPluginSetupContext.Database"/>). The default does nothing.
    /// </summary>
    /// <param name="services">A collection that the host merges into its container if the call succeeds.</param>
    /// <param name="context">What the host tells the plugin at start-up.</param>
    void ConfigureServices(IServiceCollection services, IPluginSetupContext context)
    {
    }

    /// <summary>
    /// Returns the plugin's Autofac module, which holds its registrations (implementation types are
    /// best kept <c>internal sealed</c>), or <see langword="null"/> when it has none.
    /// </summary>
    IModule? CreateModule() => null;

    /// <summary>
    /// Adds the plugin's entries to a network's navigation. They are shown only in networks where
    /// the plugin is enabled. The default adds nothing.
    /// </summary>
    /// <param name="navigation">The builder to add entries to.</param>
    void ConfigureNavigation(INavigationBuilder navigation)
    {
    }
}
