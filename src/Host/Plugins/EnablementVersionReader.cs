using Platform.Host.Data;

namespace Platform.Host.Plugins;

/// <summary>The enablement version row (decision 0004) that every plugin request checks, read on a statement kept prepared (<see cref="KeptRead"/>).</summary>
public sealed class EnablementVersionReader(PlatformConnection connection) : IDisposable
{
    private readonly KeptRead _read = new(connection, "SELECT \"Version\" FROM \"PluginStateVersions\" WHERE \"Id\" = 1");

    public long Read() => _read.Read(reader => reader.GetInt64(0), 0L);

    public void Dispose() => _read.Dispose();
}
