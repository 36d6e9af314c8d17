using Platform.Host.Features.Calendar;

namespace Platform.Host.Tests.Calendar;

/// <summary>The cache of the iCalendar documents, alone: its bound in bytes.</summary>
public sealed class IcsCacheTests
{
    [Fact]
    public void KeepsNoMoreCompressedBytesThanItsCapacity()
    {
        using var cache = new IcsCache(TimeProvider.System);
        // Text that does not compress: each document keeps about as many bytes as its text.
        var random = new Random(47);
        string Text() => Convert.ToBase64String([.. Enumerable.Range(0, 300_000).Select(_ => (byte)random.Next(256))]);
        var size = IcsDocument.Compress("\"size\"", Text()).Gzip.Length;
        for (var i = 0; i < 2 * IcsCache.CapacityBytes / size; i++)
        {
            var document = cache.GetOrMake($"\"{i}\"", Text);
            Assert.Equal($"\"{i}\"", document.ETag);
            Assert.True(cache.Count * (long)size <= IcsCache.CapacityBytes, $"{cache.Count} documents of {size} bytes kept after {i + 1}");
        }

        Assert.InRange(cache.Count, 1, IcsCache.CapacityBytes / size);
    }
}
