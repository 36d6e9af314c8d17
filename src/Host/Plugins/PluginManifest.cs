using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Host.Plugins;

/// <summary>
/// A plugin's <c>plugin.json</c>: who it is and which contract it needs, read before any of its code
/// runs. <c>contract</c> is a NuGet-style interval: <c>[1.0,2.0)</c> means 1.0 or later, before 2.0.
/// </summary>
public sealed partial record PluginManifest(
    string Id,
    string Name,
    string Version,
    string? Description,
    string? Publisher,
    string Assembly,
    string Contract)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public VersionRange ContractRange => VersionRange.Parse(Contract);

    /// <summary>Reads and checks a manifest file; throws <see cref="PluginManifestException"/> with a French reason.</summary>
    public static PluginManifest Read(string path)
    {
        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new PluginManifestException($"manifeste illisible ({e.Message})");
        }

        if (manifest is null)
        {
            throw new PluginManifestException("manifeste vide");
        }

        manifest.Validate();
        return manifest;
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || !IdPattern().IsMatch(Id))
        {
            throw new PluginManifestException($"identifiant « {Id} » invalide : lettres et chiffres ASCII, commençant par une lettre");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new PluginManifestException("nom manquant");
        }

        if (!System.Version.TryParse(Version, out _))
        {
            throw new PluginManifestException($"version « {Version} » invalide");
        }

        if (string.IsNullOrWhiteSpace(Assembly) || Path.GetFileName(Assembly) != Assembly || !Assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginManifestException($"assemblage « {Assembly} » invalide : un nom de fichier .dll du dossier du module");
        }

        if (!VersionRange.TryParse(Contract, out _))
        {
            throw new PluginManifestException($"plage de contrat « {Contract} » invalide (exemple : [1.0,2.0))");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,49}$")]
    private static partial Regex IdPattern();
}

public sealed class PluginManifestException(string message) : Exception(message);
