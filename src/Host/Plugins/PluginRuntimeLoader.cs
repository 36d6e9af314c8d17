using System.Reflection;
using Autofac;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Plugins;

namespace Platform.Host.Plugins;

/// <summary>
/// Discovers the plugin folders and checks each plugin before trusting it: manifest, id, contract
/// range, types, entry type, constructor, services, module dry run, navigation, pages. A plugin
/// that fails any step is kept in the catalog with its status and reason, and the host starts
/// without it. Runs once, while the host is being built (plugin services must be registered
/// before the container is built).
/// </summary>
public sealed class PluginRuntimeLoader(PluginOptions options, IConfiguration configuration, string connectionString, ILogger logger)
{
    private const string RazorPageKind = "mvc.1.0.razor-page";

    public PluginCatalog Load(IServiceCollection hostServices)
    {
        var root = options.ResolvePath();
        var plugins = new List<InstalledPlugin>();
        if (!Directory.Exists(root))
        {
            logger.LogInformation("No plugin folder at {PluginPath}", root);
            return new PluginCatalog(plugins, options.SafeMode);
        }

        var approvals = options.RequireApproval ? PluginApprovalReader.ReadAll(connectionString) : null;
        foreach (var directory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var plugin = Discover(directory, plugins);
            plugins.Add(plugin);
            if (plugin.IsLoaded && approvals is not null)
            {
                CheckApproval(plugin, approvals);
            }

            if (!plugin.IsLoaded)
            {
                logger.LogError("Plugin {PluginId} not loaded ({Status}): {Reason}", plugin.Id, plugin.Status, plugin.Reason);
                continue;
            }

            if (options.SafeMode)
            {
                plugin.Fail(PluginStatus.SafeMode, "mode sans échec : aucun module n'est chargé");
                continue;
            }

            LoadChecked(plugin, hostServices);
            if (plugin.IsLoaded)
            {
                logger.LogInformation("Plugin {PluginId} {Version} loaded from {Directory}", plugin.Id, plugin.Manifest!.Version, directory);
            }
            else
            {
                logger.LogError("Plugin {PluginId} not loaded ({Status}): {Reason}", plugin.Id, plugin.Status, plugin.Reason);
            }
        }

        return new PluginCatalog(plugins, options.SafeMode);
    }

    private static InstalledPlugin Discover(string directory, List<InstalledPlugin> earlier)
    {
        var folder = Path.GetFileName(directory);
        var manifestPath = Path.Combine(directory, PluginContract.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            var missing = new InstalledPlugin(directory, null, folder);
            missing.Fail(PluginStatus.Incompatible, $"pas de {PluginContract.ManifestFileName} dans le dossier");
            return missing;
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Read(manifestPath);
        }
        catch (PluginManifestException e)
        {
            var unreadable = new InstalledPlugin(directory, null, folder);
            unreadable.Fail(PluginStatus.Incompatible, e.Message);
            return unreadable;
        }

        var plugin = new InstalledPlugin(directory, manifest, manifest.Id);
        if (earlier.Any(p => string.Equals(p.Id, manifest.Id, StringComparison.OrdinalIgnoreCase)))
        {
            plugin.Fail(PluginStatus.Incompatible, $"l'identifiant « {manifest.Id} » est déjà utilisé par un autre module");
        }
        else if (!manifest.ContractRange.Contains(PluginContract.Current))
        {
            plugin.Fail(PluginStatus.Incompatible,
                $"contrat demandé {manifest.Contract}, contrat de la plateforme {PluginContract.Current.ToString(2)}");
        }
        else if (!File.Exists(Path.Combine(directory, manifest.Assembly)))
        {
            plugin.Fail(PluginStatus.Incompatible, $"assemblage {manifest.Assembly} absent du dossier");
        }

        return plugin;
    }

    /// <summary>Refuses, before any of its code runs, a plugin never approved or whose files changed since.</summary>
    private static void CheckApproval(InstalledPlugin plugin, IReadOnlyDictionary<string, PluginApproval> approvals)
    {
        if (!approvals.TryGetValue(plugin.Id, out var approval))
        {
            plugin.Fail(PluginStatus.AwaitingApproval, "jamais approuvé : un administrateur doit approuver ses fichiers");
            return;
        }

        if (approval.Version != plugin.Manifest!.Version)
        {
            plugin.Fail(PluginStatus.Modified, $"version {plugin.Manifest.Version} installée, version {approval.Version} approuvée");
            return;
        }

        if (PluginFiles.Differences(approval.Files, PluginFiles.Hash(plugin.Directory)) is { } differences)
        {
            plugin.Fail(PluginStatus.Modified, $"fichiers différents de ceux approuvés ({differences})");
        }
    }

    private void LoadChecked(InstalledPlugin plugin, IServiceCollection hostServices)
    {
        var manifest = plugin.Manifest!;
        Assembly assembly;
        Type[] types;
        try
        {
            // Every assembly the host's own context can load (Abstractions, ASP.NET Core, Autofac, EF Core,
            // SQLite) is taken from it, when the plugin first asks for it: type identity holds. No shared
            // types are named: McMaster would load each one's whole reference closure into the host at once
            // (26 assemblies the site never runs otherwise, System.Net.Requests and System.IO.Pipes among them).
            var loader = PluginLoader.CreateFromAssemblyFile(
                Path.Combine(plugin.Directory, manifest.Assembly),
                config => config.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
            if (ContractMismatch(assembly) is { } mismatch)
            {
                plugin.Fail(PluginStatus.Incompatible, mismatch);
                return;
            }

            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null);
            plugin.Fail(PluginStatus.Incompatible, $"types illisibles, module construit contre un autre contrat ? ({first?.GetType().Name}: {first?.Message})");
            return;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException)
        {
            plugin.Fail(PluginStatus.Incompatible, $"chargement impossible, module construit contre un autre contrat ? ({e.GetType().Name}: {e.Message})");
            return;
        }

        var entryTypes = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(t)).ToList();
        if (entryTypes.Count != 1)
        {
            var foreign = types.FirstOrDefault(t => t.GetInterfaces().Any(i => i.FullName == typeof(IPlugin).FullName));
            plugin.Fail(PluginStatus.Incompatible, foreign is not null
                ? $"le type {foreign.Name} implémente une autre copie du contrat ({foreign.GetInterfaces().First(i => i.FullName == typeof(IPlugin).FullName).Assembly.GetName().Version})"
                : $"{entryTypes.Count} types implémentent IPlugin ; il en faut exactement un");
            return;
        }

        var strayPages = new RazorCompiledItemLoader().LoadItems(assembly)
            .Where(i => i.Kind == RazorPageKind && !PluginRazorPart.IsInArea(i, manifest.Id))
            .Select(i => i.Identifier)
            .ToList();
        if (strayPages.Count > 0)
        {
            plugin.Fail(PluginStatus.Incompatible, $"pages hors de /Areas/{manifest.Id}/ : {string.Join(", ", strayPages)}");
            return;
        }

        var stage = "constructeur";
        try
        {
            var entry = (IPlugin)Activator.CreateInstance(entryTypes[0])!;

            stage = "ConfigureServices";
            var services = new ServiceCollection();
            var setup = new PluginSetupContext(manifest.Id, plugin.Directory, configuration.GetSection($"Plugins:Settings:{manifest.Id}"), PluginDatabaseFor(manifest.Id));
            entry.ConfigureServices(services, setup);

            stage = "module Autofac";
            var module = entry.CreateModule();
            if (module is not null)
            {
                // Module.Load only runs inside Build(): a dry run surfaces a throwing module here,
                // not later in the host's own container build.
                var probe = new ContainerBuilder();
                probe.RegisterModule(module);
                using (probe.Build())
                {
                }
            }

            stage = "navigation";
            var navigation = new PluginNavigationBuilder(manifest.Id);
            entry.ConfigureNavigation(navigation);

            plugin.Assembly = assembly;
            plugin.Module = module;
            plugin.Navigation = navigation.Items;
            plugin.DbContextTypes = services
                .Select(d => d.ServiceType)
                .Where(t => typeof(DbContext).IsAssignableFrom(t) && t != typeof(DbContext))
                .Distinct()
                .ToList();
            foreach (var descriptor in services)
            {
                hostServices.Add(descriptor);
            }

            foreach (var contextType in plugin.DbContextTypes)
            {
                PluginDbContexts.AddHostInterceptors(hostServices, contextType);
            }
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            plugin.Fail(PluginStatus.Faulted, $"{stage} : {cause.GetType().Name}: {cause.Message}");
        }
    }

    /// <summary>
    /// The contract the plugin was compiled against, read from its assembly references. Checked
    /// explicitly because the runtime's own binding is not a dependable judge: an assembly resolver
    /// (a test host's, an APM agent's) may hand a plugin built against 2.0 the host's 1.0.
    /// </summary>
    private static string? ContractMismatch(Assembly assembly)
    {
        var host = typeof(IPlugin).Assembly.GetName();
        var compiled = assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == host.Name);
        if (compiled?.Version is null || host.Version is null)
        {
            return compiled is null ? $"ne référence pas {host.Name}" : null;
        }

        return compiled.Version.Major != host.Version.Major || compiled.Version.Minor > host.Version.Minor
            ? $"compilé contre {host.Name} {compiled.Version.ToString(2)}, la plateforme fournit {host.Version.ToString(2)}"
            : null;
    }

    private PluginDatabase PluginDatabaseFor(string id) =>
        new(PluginDatabase.Sqlite, connectionString, $"__EFMigrationsHistory_{id}", $"{id.ToLowerInvariant()}_");

    private sealed record PluginSetupContext(string PluginId, string PluginDirectory, IConfiguration Configuration, PluginDatabase Database)
        : IPluginSetupContext;
}
