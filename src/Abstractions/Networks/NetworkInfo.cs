namespace Platform.Abstractions.Networks;

/// <summary>A network (réseau): an industrial grouping, a labelled cluster, a club or a group.</summary>
/// <param name="Id">The host's stable id of the network.</param>
/// <param name="Slug">Its URL name, lowercase ASCII with hyphens (<c>prod-iaa</c>).</param>
/// <param name="Name">Its display name (<c>PROD'IAA</c>).</param>
/// <param name="Kind">What sort of network it is.</param>
public sealed record NetworkInfo(int Id, string Slug, string Name, NetworkKind Kind);
