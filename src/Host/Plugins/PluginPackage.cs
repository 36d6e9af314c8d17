using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text.Json;
using Platform.Abstractions.Plugins;

namespace Platform.Host.Plugins;

/// <summary>
/// A plugin's deployable form: its laid-out build folder plus <c>plugin-package.json</c>, the list of
/// its files with their SHA-256, as a folder or a zip. <see cref="Pack"/> makes one from a build
/// folder; <see cref="Install"/> checks one (paths, hashes, manifest, contract, id) and copies it into
/// the plugins folder, where the host finds it at the next start, enabled for no network.
/// </summary>
public static class PluginPackage
{
    /// <summary>The file list, kept in the installed folder too (the record of what was installed).</summary>
    public const string FileListName = "plugin-package.json";

    private const long MaxUnpackedBytes = 512L * 1024 * 1024;
    private const int MaxFiles = 10_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
    };

    /// <summary>Packs a plugin's build folder into <paramref name="output"/>: a <c>.zip</c> file, or else a folder.</summary>
    public static PackageFileList Pack(string buildFolder, string output)
    {
        buildFolder = Path.GetFullPath(buildFolder);
        if (!Directory.Exists(buildFolder))
        {
            throw new PluginPackageException($"dossier introuvable : {buildFolder}");
        }

        var manifest = ReadManifest(Path.Combine(buildFolder, PluginContract.ManifestFileName));
        var files = Directory.GetFiles(buildFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(buildFolder, f).Replace('\\', '/'))
            .Where(p => p != FileListName)
            .Order(StringComparer.Ordinal)
            .Select(p => new PackageFile(p, Sha256(Path.Combine(buildFolder, p)), new FileInfo(Path.Combine(buildFolder, p)).Length))
            .ToList();
        var list = new PackageFileList(manifest.Id, manifest.Version, manifest.Contract, files);
        var listJson = JsonSerializer.SerializeToUtf8Bytes(list, Json);

        if (output.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.Delete(output);
            using var zip = ZipFile.Open(output, ZipArchiveMode.Create);
            // A fixed time stamp: the same build gives the same archive.
            var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using (var stream = NewEntry(zip, FileListName, stamp))
            {
                stream.Write(listJson);
            }

            foreach (var file in files)
            {
                using var entry = NewEntry(zip, file.Path, stamp);
                using var content = File.OpenRead(Path.Combine(buildFolder, file.Path));
                content.CopyTo(entry);
            }
        }
        else
        {
            if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
            {
                throw new PluginPackageException($"le dossier de sortie {output} n'est pas vide");
            }

            foreach (var file in files)
            {
                var target = Path.Combine(output, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(buildFolder, file.Path), target);
            }

            File.WriteAllBytes(Path.Combine(output, FileListName), listJson);
        }

        return list;
    }

    /// <summary>
    /// Checks a package (zip or folder) and copies it into <paramref name="pluginsRoot"/>/&lt;Id&gt;/.
    /// Throws <see cref="PluginPackageException"/> with the French reason, having changed nothing.
    /// </summary>
    public static PluginManifest Install(string source, string pluginsRoot)
    {
        var staging = Path.Combine(Path.GetTempPath(), "ic47-install", Guid.NewGuid().ToString("N"));
        try
        {
            string folder;
            if (File.Exists(source) && source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                Extract(source, staging);
                folder = staging;
            }
            else if (Directory.Exists(source))
            {
                folder = Path.GetFullPath(source);
                foreach (var path in Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories))
                {
                    if (new FileInfo(path).LinkTarget is not null)
                    {
                        throw new PluginPackageException($"chemin hors du dossier du module : {Path.GetRelativePath(folder, path)} (lien symbolique)");
                    }
                }
            }
            else
            {
                throw new PluginPackageException($"{source} n'est ni un dossier ni une archive .zip");
            }

            var manifest = Verify(folder);
            var target = Path.Combine(pluginsRoot, manifest.Id);
            if (Clash(pluginsRoot, manifest.Id) is { } existing)
            {
                throw new PluginPackageException($"un module d'identifiant « {manifest.Id} » est déjà installé (dossier {existing}) : retirez-le d'abord pour le remplacer");
            }

            try
            {
                CopyTree(folder, target);
            }
            catch
            {
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                throw;
            }

            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Checks an unpacked package: the file list matches the files exactly, then manifest and contract.</summary>
    public static PluginManifest Verify(string folder)
    {
        var listPath = Path.Combine(folder, FileListName);
        if (!File.Exists(listPath))
        {
            throw new PluginPackageException($"pas de {FileListName} : emballez le module avec « modules pack »");
        }

        PackageFileList? list;
        try
        {
            list = JsonSerializer.Deserialize<PackageFileList>(File.ReadAllText(listPath), Json);
        }
        catch (JsonException e)
        {
            throw new PluginPackageException($"{FileListName} illisible ({e.Message})");
        }

        if (list?.Files is null)
        {
            throw new PluginPackageException($"{FileListName} ne liste aucun fichier");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in list.Files)
        {
            var full = SafePath(folder, file.Path);
            if (!listed.Add(file.Path))
            {
                throw new PluginPackageException($"fichier « {file.Path} » listé deux fois dans {FileListName}");
            }

            if (!File.Exists(full))
            {
                throw new PluginPackageException($"fichier « {file.Path} » listé dans {FileListName} mais absent");
            }

            if (!string.Equals(Sha256(full), file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new PluginPackageException($"empreinte SHA-256 différente pour « {file.Path} » : le fichier a changé depuis l'emballage");
            }
        }

        var unlisted = Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(p => p != FileListName && !listed.Contains(p))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unlisted is not null)
        {
            throw new PluginPackageException($"fichier « {unlisted} » absent de {FileListName}");
        }

        var manifest = ReadManifest(Path.Combine(folder, PluginContract.ManifestFileName));
        if (!string.Equals(list.Id, manifest.Id, StringComparison.Ordinal))
        {
            throw new PluginPackageException($"{FileListName} annonce le module « {list.Id} », {PluginContract.ManifestFileName} le module « {manifest.Id} »");
        }

        if (!manifest.ContractRange.Contains(PluginContract.Current))
        {
            throw new PluginPackageException($"contrat demandé {manifest.Contract}, contrat de la plateforme {PluginContract.Current.ToString(2)}");
        }

        var assembly = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assembly))
        {
            throw new PluginPackageException($"assemblage {manifest.Assembly} absent du module");
        }

        if (CompiledContract(assembly) is { } compiled && (compiled.Major != PluginContract.Current.Major || compiled.Minor > PluginContract.Current.Minor))
        {
            throw new PluginPackageException($"compilé contre Platform.Abstractions {compiled.ToString(2)}, la plateforme fournit {PluginContract.Current.ToString(2)}");
        }

        return manifest;
    }

    private static Stream NewEntry(ZipArchive zip, string name, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        return entry.Open();
    }

    private static void Extract(string zipPath, string staging)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw new PluginPackageException($"archive illisible ({e.Message})");
        }

        using (zip)
        {
            // Every path is checked before anything is written.
            if (zip.Entries.Count > MaxFiles || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new PluginPackageException($"archive trop volumineuse (plus de {MaxFiles} fichiers ou de {MaxUnpackedBytes / 1024 / 1024} Mo)");
            }

            var targets = zip.Entries.Select(e => (Entry: e, Path: SafePath(staging, e.FullName))).ToList();
            Directory.CreateDirectory(staging);
            try
            {
                foreach (var (entry, path) in targets)
                {
                    if (entry.FullName.EndsWith('/'))
                    {
                        Directory.CreateDirectory(path);
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path, overwrite: false);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw new PluginPackageException($"archive invalide ({e.Message})");
            }
        }
    }

    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, refusing any path that leaves it.</summary>
    private static string SafePath(string root, string relative)
    {
        var normal = relative.Replace('\\', '/');
        var rootFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(rootFull, normal));
        if (normal.Length == 0 || normal.StartsWith('/') || Path.IsPathRooted(normal) || normal.Contains(':', StringComparison.Ordinal)
            || normal.Split('/').Contains("..") || !full.StartsWith(rootFull, StringComparison.Ordinal))
        {
            throw new PluginPackageException($"chemin hors du dossier du module : {relative}");
        }

        return full;
    }

    private static string? Clash(string pluginsRoot, string id)
    {
        if (!Directory.Exists(pluginsRoot))
        {
            return null;
        }

        foreach (var directory in Directory.GetDirectories(pluginsRoot))
        {
            var name = Path.GetFileName(directory);
            if (string.Equals(name, id, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }

            try
            {
                if (string.Equals(PluginManifest.Read(Path.Combine(directory, PluginContract.ManifestFileName)).Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }
            catch (Exception e) when (e is PluginManifestException or IOException)
            {
                // An unreadable neighbour claims no id; the loader reports it at start-up.
            }
        }

        return null;
    }

    private static PluginManifest ReadManifest(string path)
    {
        if (!File.Exists(path))
        {
            throw new PluginPackageException($"pas de {PluginContract.ManifestFileName} dans le dossier du module");
        }

        try
        {
            return PluginManifest.Read(path);
        }
        catch (PluginManifestException e)
        {
            throw new PluginPackageException(e.Message);
        }
    }

    private static Version? CompiledContract(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var reader = pe.GetMetadataReader();
            var contractName = typeof(IPlugin).Assembly.GetName().Name;
            return reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .Where(r => reader.GetString(r.Name) == contractName)
                .Select(r => r.Version)
                .FirstOrDefault();
        }
        catch (BadImageFormatException)
        {
            throw new PluginPackageException($"{Path.GetFileName(assemblyPath)} n'est pas un assemblage .NET");
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>The content of <c>plugin-package.json</c>.</summary>
public sealed record PackageFileList(string Id, string Version, string Contract, IReadOnlyList<PackageFile> Files);

/// <summary>One file of a package: its path relative to the plugin folder (with <c>/</c>), SHA-256 in hex, size in bytes.</summary>
public sealed record PackageFile(string Path, string Sha256, long Size);

/// <summary>A package refused, with the French reason shown to the operator.</summary>
public sealed class PluginPackageException(string message) : Exception(message);
