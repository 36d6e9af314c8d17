using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Networks;

/// <summary>A network of companies. The directory issue grows it; the foundation needs slug, name and kind.</summary>
public sealed class Network
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public NetworkKind Kind { get; set; }

    public string? Description { get; set; }

    public NetworkInfo ToInfo() => new(Id, Slug, Name, Kind);
}
