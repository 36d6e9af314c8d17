namespace Platform.Host.Data;

/// <summary>Where the database lives. Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The SQLite file, relative to the content root unless absolute.</summary>
    public string Path { get; set; } = "data/interclustering47.db";

    /// <summary>
    /// Whether the hot reads keep their statements prepared (<see cref="PreparedReads"/>, decision 0019). On by
    /// default; <c>Database__PrepareReads=false</c> measures the pages without it, with the same build.
    /// </summary>
    public bool PrepareReads { get; set; } = true;

    public string ResolveConnectionString(string contentRoot)
    {
        var path = System.IO.Path.GetFullPath(Path, contentRoot);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        // Foreign Keys is also set by the interceptor; keeping it in the string protects connections
        // opened outside EF (plugins' own ADO.NET code, tools).
        return $"Data Source={path};Foreign Keys=True;Pooling=True";
    }
}
