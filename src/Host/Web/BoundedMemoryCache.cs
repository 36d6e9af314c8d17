using Microsoft.Extensions.Caching.Memory;

namespace Platform.Host.Web;

/// <summary>A bounded <see cref="MemoryCache"/> of the site's own, whose expirations follow the site's <see cref="TimeProvider"/>.</summary>
internal static class BoundedMemoryCache
{
    public static MemoryCache Create(int capacity, TimeProvider time) =>
        new(new MemoryCacheOptions { SizeLimit = capacity, Clock = new Clock(time) });

    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
