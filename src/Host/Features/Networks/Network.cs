using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks;

/// <summary>A network of companies: an industrial grouping, a labelled cluster, a club or a group.</summary>
public sealed class Network
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public NetworkKind Kind { get; set; }

    public string? Description { get; set; }

    /// <summary>Labels it holds, one per line: « Cluster 47 (2014) », « Grappe d'entreprises DATAR (2010) ».</summary>
    public string? Labels { get; set; }

    public string? Website { get; set; }

    public string? AnimatorName { get; set; }

    public string? AnimatorEmail { get; set; }

    public string? AnimatorPhone { get; set; }

    public IReadOnlyList<string> LabelList =>
        string.IsNullOrWhiteSpace(Labels) ? [] : Labels.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public NetworkInfo ToInfo() => new(Id, Slug, Name, Kind);
}
