namespace Platform.Bench.Runner;

/// <summary>The machine the figures belong to: they mean nothing without it.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        return $"{Environment.ProcessorCount} cores ({model}), .NET {Environment.Version}";
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews every figure.</summary>
    public static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
