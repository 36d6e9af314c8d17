using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Platform.Host.Web;

namespace Platform.Host.Features.Calendar;

/// <summary>
/// The iCalendar documents the feeds serve, kept compressed in a cache of their own bounded in bytes
/// (decision 0014, amendment 3): under their fingerprint, so that equal content is made once, and the network
/// and public feeds also under their address with the agenda's version they were made at.
/// </summary>
/// <remarks>
/// Every document a client asks for is kept, the single events' and the members' own feeds too, so the bound
/// is what keeps a crawler walking twenty thousand event addresses from holding them all: at most
/// <see cref="CapacityBytes"/> of compressed bytes (a feed is counted under each of its keys), the least
/// recently read leaving first. Compressed, a network's feed of a few dozen events takes about an eighth of
/// its text.
/// </remarks>
public sealed class IcsCache(TimeProvider time) : IDisposable
{
    public const int CapacityBytes = 8 * 1024 * 1024;

    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = BoundedMemoryCache.Create(CapacityBytes, time);

    /// <summary>The document of this fingerprint: kept, or written now and kept.</summary>
    public IcsDocument GetOrMake(string etag, Func<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (cache.TryGetValue(etag, out IcsDocument? kept))
        {
            return kept!;
        }

        var made = IcsDocument.Compress(etag, write());
        cache.Set(etag, made, new MemoryCacheEntryOptions { Size = made.Gzip.Length, SlidingExpiration = KeptFor });
        return made;
    }

    /// <summary>The feed kept under <paramref name="address"/> if it was made at <paramref name="version"/>.</summary>
    public IcsDocument? FindFeed(object address, long version) =>
        cache.TryGetValue(address, out KeptFeed? kept) && kept!.Version == version ? kept.Document : null;

    /// <summary>
    /// Keeps the feed of <paramref name="address"/>, made at <paramref name="version"/>, for <see cref="KeptFor"/> at
    /// most: its window moves with the clock whatever the version.
    /// </summary>
    public void KeepFeed(object address, long version, IcsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        cache.Set(address, new KeptFeed(version, document), new MemoryCacheEntryOptions
        {
            Size = document.Gzip.Length,
            AbsoluteExpirationRelativeToNow = KeptFor,
        });
    }

    /// <summary>How many documents and feeds are kept (a feed once under its fingerprint, once under its address).</summary>
    public int Count => cache.Count;

    public void Dispose() => cache.Dispose();

    private sealed record KeptFeed(long Version, IcsDocument Document);
}

/// <summary>
/// An iCalendar document as kept: its fingerprint, the gzip of its UTF-8 text and the text's length in bytes.
/// A client that accepts gzip gets the compressed bytes as they are, under the fingerprint marked « -gzip »
/// (the two encodings are two representations, each with its own entity tag); any other gets the text.
/// </summary>
public sealed class IcsDocument
{
    private IcsDocument(string etag, byte[] gzip, int length)
    {
        ETag = etag;
        GzipETag = etag.Insert(etag.Length - 1, "-gzip");
        Gzip = gzip;
        Length = length;
    }

    /// <summary>The entity tag of the text, quoted: <c>"…"</c>.</summary>
    public string ETag { get; }

    /// <summary>The entity tag of the gzip encoding, quoted: <c>"…-gzip"</c>.</summary>
    public string GzipETag { get; }

    public byte[] Gzip { get; }

    /// <summary>The length of the text in UTF-8 bytes.</summary>
    public int Length { get; }

    public static IcsDocument Compress(string etag, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        using var compressed = new MemoryStream(bytes.Length / 4);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return new IcsDocument(etag, compressed.ToArray(), bytes.Length);
    }

    /// <summary>The text's UTF-8 bytes, read from the gzip.</summary>
    public Stream OpenText() => new GZipStream(new MemoryStream(Gzip, writable: false), CompressionMode.Decompress);
}
