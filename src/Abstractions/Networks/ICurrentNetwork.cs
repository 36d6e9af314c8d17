namespace Platform.Abstractions.Networks;

/// <summary>
/// The network of the current request: the one named by the <c>{network}</c> route value of a
/// page served under <c>/c/{network}/…</c>. Resolve it from a page model's constructor or handler.
/// </summary>
public interface ICurrentNetwork
{
    /// <summary>The network, or <see langword="null"/> outside a network's pages.</summary>
    NetworkInfo? Network { get; }

    /// <summary>The network, or an exception when the request is not under <c>/c/{network}/</c>.</summary>
    NetworkInfo Required => Network ?? throw new InvalidOperationException("This request has no current network.");
}
