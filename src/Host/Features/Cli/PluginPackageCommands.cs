using Platform.Host.Plugins;

namespace Platform.Host.Features.Cli;

/// <summary>
/// <c>modules pack</c> and <c>modules install</c>: files only, no database. Refusals print
/// « Installation refusée : &lt;raison&gt;. » and exit with 1; usage errors exit with 2.
/// </summary>
public static class PluginPackageCommands
{
    public const string Usage = """
          modules pack <dossier de build du module> --output <module.zip | dossier>
          modules install <module.zip | dossier>   (pris en compte au prochain démarrage)
        """;

    public static bool Handles(string[] args) => args is ["modules", "pack" or "install", ..];

    public static async Task<int> RunAsync(IConfiguration configuration, string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["modules", "pack", var folder, "--output", var target]:
                try
                {
                    var list = PluginPackage.Pack(folder, target);
                    await output.WriteLineAsync($"Module {list.Id} {list.Version} emballé : {list.Files.Count} fichiers, empreintes SHA-256 dans {PluginPackage.FileListName} → {Path.GetFullPath(target)}");
                    return 0;
                }
                catch (PluginPackageException e)
                {
                    await error.WriteLineAsync($"Emballage refusé : {e.Message}.{RelativeHint(folder)}");
                    return 1;
                }

            case ["modules", "install", var source]:
                var root = (configuration.GetSection("Plugins").Get<PluginOptions>() ?? new PluginOptions()).ResolvePath();
                try
                {
                    var manifest = PluginPackage.Install(source, root);
                    await output.WriteLineAsync($"Module {manifest.Id} {manifest.Version} installé dans {Path.Combine(root, manifest.Id)}.");
                    await output.WriteLineAsync("Il sera chargé au prochain démarrage du site, activé pour aucun réseau : activez-le ensuite sur /admin/modules ou avec « modules enable ».");
                    return 0;
                }
                catch (PluginPackageException e)
                {
                    await error.WriteLineAsync($"Installation refusée : {e.Message}.{RelativeHint(source)}");
                    return 1;
                }

            default:
                await error.WriteLineAsync("Utilisation :\n" + Usage);
                return 2;
        }
    }

    // `dotnet run --project src/Host` runs the host in src/Host: a relative path the operator typed
    // from elsewhere points to the wrong place.
    private static string RelativeHint(string path) =>
        Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path)
            ? ""
            : $"\n(Les chemins relatifs partent de {Environment.CurrentDirectory} : sous « dotnet run --project », donnez un chemin absolu, par exemple \"$PWD/{path}\".)";
}
