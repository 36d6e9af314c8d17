using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Companies;
using Platform.Host.Plugins;

namespace Platform.Host.Features.Cli;

/// <summary>
/// The operators' command line, run by the host itself so it sees the same configuration, database
/// and plugins as the site: <c>dotnet run --project src/Host -- modules list</c>.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Utilisation :
          modules list
          modules enable <module> --network <réseau>
          modules disable <module> --network <réseau>
          modules approve <module>          (enregistre les empreintes des fichiers actuels)
          users create-admin <email>        (mot de passe lu sur l'entrée standard)
          users disable <email>
          users enable <email>
          annuaire suggestions              (calcule les idées de contact dues de toutes les entreprises, après un import)
        """ + "\n" + PluginPackageCommands.Usage;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "modules" or "users" or "annuaire";

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (PluginPackageCommands.Handles(args))
        {
            return await PluginPackageCommands.RunAsync(app.Configuration, args, output, error);
        }

        await app.InitializeDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (args)
        {
            case ["modules", "list"]:
                return await ListAsync(services, output);
            case ["modules", "enable" or "disable", var plugin, "--network", var network]:
                return await SetAsync(services, plugin, network, args[1] == "enable", output, error);
            case ["modules", "approve", var plugin]:
                return await ApproveAsync(services, plugin, output, error);
            case ["users", "create-admin", var email]:
                return await CreateAdminAsync(services, email, input, output, error);
            case ["users", "disable" or "enable", var email]:
                return await SetAccountAsync(services, email, args[1] == "enable", output, error);
            case ["annuaire", "suggestions"]:
                return await ComputeSuggestionsAsync(services, output);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ListAsync(IServiceProvider services, TextWriter output)
    {
        var catalog = services.GetRequiredService<PluginCatalog>();
        var enablement = services.GetRequiredService<PluginEnablementService>();
        var db = services.GetRequiredService<PlatformDbContext>();
        var slugs = await db.Networks.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Slug);
        if (catalog.All.Count == 0)
        {
            await output.WriteLineAsync("Aucun module installé.");
            return 0;
        }

        foreach (var plugin in catalog.All)
        {
            var networks = (await enablement.NetworksOfAsync(plugin.Id)).Select(id => slugs.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal);
            await output.WriteLineAsync(
                $"{plugin.Id.ToLowerInvariant(),-20} {plugin.Manifest?.Version ?? "-",-10} {plugin.Status.ToFrench(),-16} réseaux: {string.Join(", ", networks).DefaultIfEmpty("aucun")}"
                + (plugin.Reason is null ? "" : $"\n    raison : {plugin.Reason}"));
        }

        return 0;
    }

    private static async Task<int> SetAsync(IServiceProvider services, string plugin, string network, bool enabled, TextWriter output, TextWriter error)
    {
        var enablement = services.GetRequiredService<PluginEnablementService>();
        var result = await enablement.SetAsync(plugin, network, enabled, $"cli:{Environment.UserName}");
        var (code, message) = result switch
        {
            EnablementChange.Changed => (0, enabled ? $"Module {plugin} activé pour {network}." : $"Module {plugin} désactivé pour {network}."),
            EnablementChange.Unchanged => (0, enabled ? $"Module {plugin} déjà activé pour {network}." : $"Module {plugin} déjà désactivé pour {network}."),
            EnablementChange.UnknownPlugin => (1, $"Module inconnu : {plugin}."),
            EnablementChange.UnknownNetwork => (1, $"Réseau inconnu : {network}."),
            EnablementChange.PluginNotLoaded => (1, $"Le module {plugin} n'est pas chargé (voir « modules list ») : il ne peut pas être activé."),
            _ => (1, result.ToString()),
        };
        await (code == 0 ? output : error).WriteLineAsync(message);
        return code;
    }

    private static async Task<int> ApproveAsync(IServiceProvider services, string plugin, TextWriter output, TextWriter error)
    {
        if (!await services.GetRequiredService<PluginApprovalService>().ApproveAsync(plugin, $"cli:{Environment.UserName}"))
        {
            await error.WriteLineAsync($"Module inconnu ou sans manifeste lisible : {plugin}.");
            return 1;
        }

        await output.WriteLineAsync($"Fichiers du module {plugin} approuvés : il sera chargé au prochain démarrage.");
        return 0;
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string email, TextReader input, TextWriter output, TextWriter error)
    {
        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("Mot de passe attendu sur l'entrée standard.");
            return 2;
        }

        var (user, errors) = await services.GetRequiredService<AccountAdministration>()
            .CreateAsync(email, "Administration de la plateforme", password, PlatformRoles.Admin);
        if (user is null)
        {
            foreach (var message in errors)
            {
                await error.WriteLineAsync(message);
            }

            return 1;
        }

        await output.WriteLineAsync($"Administrateur {email} prêt.");
        return 0;
    }

    private static async Task<int> SetAccountAsync(IServiceProvider services, string email, bool enabled, TextWriter output, TextWriter error)
    {
        var accounts = services.GetRequiredService<AccountAdministration>();
        if (!await (enabled ? accounts.EnableAsync(email) : accounts.DisableAsync(email)))
        {
            await error.WriteLineAsync($"Compte inconnu : {email}.");
            return 1;
        }

        await output.WriteLineAsync(enabled ? $"Compte {email} réactivé." : $"Compte {email} désactivé ; ses sessions sont fermées.");
        return 0;
    }

    private static async Task<int> ComputeSuggestionsAsync(IServiceProvider services, TextWriter output)
    {
        var started = Stopwatch.StartNew();
        var shown = Stopwatch.StartNew();
        var batches = await services.GetRequiredService<SuggestionsRefresher>().RefreshAllAsync(last =>
        {
            if (shown.Elapsed >= TimeSpan.FromSeconds(10))
            {
                output.WriteLine($"… jusqu'à l'entreprise n° {last}");
                shown.Restart();
            }
        });
        var stored = await services.GetRequiredService<PlatformDbContext>().Database
            .SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "CompanySuggestions" """).SingleAsync();
        await output.WriteLineAsync(
            $"Idées de contact calculées en {started.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))} s ({batches} lots) : "
            + $"{stored} entreprises en ont d'enregistrées.");
        return 0;
    }

    private static string DefaultIfEmpty(this string text, string fallback) => text.Length == 0 ? fallback : text;
}
