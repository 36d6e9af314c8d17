using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Platform.Architecture.Tests;

/// <summary>Where the built assemblies are, and what their metadata says, read without loading them.</summary>
internal static class Built
{
    public static string RepoRoot => Metadata("RepoRoot");

    private static string Configuration => Metadata("Configuration");

    public static string HostAssembly => Path.Combine(RepoRoot, "src", "Host", "bin", Configuration, "net10.0", "Platform.Host.dll");

    public static string AbstractionsAssembly => Path.Combine(RepoRoot, "src", "Abstractions", "bin", Configuration, "net10.0", "Platform.Abstractions.dll");

    /// <summary>Every plugin assembly laid out by the build: the sample plugins and the well-formed fixture.</summary>
    public static IEnumerable<string> PluginAssemblies()
    {
        var sample = Path.Combine(RepoRoot, "src", "Host", "bin", Configuration, "net10.0", "plugins");
        var folders = (Directory.Exists(sample) ? Directory.GetDirectories(sample) : [])
            .Append(Path.Combine(RepoRoot, "artifacts", "fixture-plugins", Configuration, "Notes"));
        return folders.Select(f => Path.Combine(f, $"Platform.Plugins.{Path.GetFileName(f)}.dll"));
    }

    public static IReadOnlyList<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>Types of an assembly: full name, whether public, and base type name.</summary>
    public static IReadOnlyList<(string Name, bool IsPublic, string? BaseType, IReadOnlyList<string> Interfaces)> Types(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new List<(string, bool, string?, IReadOnlyList<string>)>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            var isPublic = (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public;
            var interfaces = type.GetInterfaceImplementations()
                .Select(i => NameOf(reader, reader.GetInterfaceImplementation(i).Interface))
                .ToList();
            result.Add((name, isPublic, type.BaseType.IsNil ? null : NameOf(reader, type.BaseType), interfaces));
        }

        return result;
    }

    private static string NameOf(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        _ => "?",
    };

    private static string Metadata(string key) =>
        typeof(Built).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
