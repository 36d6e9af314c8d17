using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Features.Accounts;

/// <summary>
/// Keeps authentication tickets in the database (every instance sees them) instead of in the cookie.
/// The ticket is encrypted with Data Protection before it is stored.
/// </summary>
/// <remarks>
/// A ticket read from the database is kept in this process for <see cref="CacheLifetime"/>, so that a
/// member's burst of requests costs one database read and one decryption, not one each (the pledge
/// post, profiled: decision 0010). Everything this process changes — sign-in, renewal, sign-out,
/// disabling an account — takes effect here at once; a sign-out or a disabled account on another
/// instance (or the command line) is seen here within <see cref="CacheLifetime"/>.
/// </remarks>
public sealed class DatabaseTicketStore(IDbContextFactory<PlatformDbContext> dbFactory, IDataProtectionProvider protection, TimeProvider time) : ITicketStore
{
    /// <summary>How long another instance's sign-out may go unseen here. Decision 0010.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(10);

    // A bound on memory: past it the cache starts again empty (a miss only costs the database read).
    private const int MaxCachedSessions = 10_000;

    private readonly IDataProtector _protector = protection.CreateProtector("Platform.Host.UserSessions");
    private readonly ConcurrentDictionary<string, CachedTicket> _cache = new(StringComparer.Ordinal);

    // Bumped by every change this process makes to a session. A read that raced with one (read the row
    // before a sign-out, cached after it) sees the number moved and drops what it cached.
    private long _changes;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Add(new UserSession
        {
            Id = key,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier),
            Ticket = _protector.Protect(TicketSerializer.Default.Serialize(ticket)),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Changed(key);
        await using var db = await dbFactory.CreateDbContextAsync();
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        await db.Set<UserSession>().Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAtUtc, expires));
        Changed(key);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now < cached.FreshUntil)
        {
            return cached.ExpiresAtUtc < now.UtcDateTime ? null : Copy(cached.Ticket);
        }

        var changes = Interlocked.Read(ref _changes);
        await using var db = await dbFactory.CreateDbContextAsync();
        var session = await db.Set<UserSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
        if (session is null || session.ExpiresAtUtc < now.UtcDateTime)
        {
            return null;
        }

        AuthenticationTicket? ticket;
        try
        {
            ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (ticket is null)
        {
            return null;
        }

        if (_cache.Count >= MaxCachedSessions)
        {
            _cache.Clear();
        }

        _cache[key] = new CachedTicket(ticket, session.UserId, session.ExpiresAtUtc, now + CacheLifetime);
        if (Interlocked.Read(ref _changes) != changes)
        {
            // A session changed while this one was read: it may be this one, signed out since.
            _cache.TryRemove(key, out _);
        }

        return Copy(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        Changed(key);
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.Set<UserSession>().Where(s => s.Id == key).ExecuteDeleteAsync();
        Changed(key);
    }

    /// <summary>Ends every session of a user at once (account disabled, password changed).</summary>
    public async Task RemoveAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ForgetUser(userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<UserSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        ForgetUser(userId);
    }

    // Before the database change (no request is served the old ticket from here while it runs) and
    // after it (a read that overlapped it cached the old row).
    private void Changed(string key)
    {
        Interlocked.Increment(ref _changes);
        _cache.TryRemove(key, out _);
    }

    private void ForgetUser(string userId)
    {
        Interlocked.Increment(ref _changes);
        foreach (var (key, cached) in _cache)
        {
            if (cached.UserId == userId)
            {
                _cache.TryRemove(key, out _);
            }
        }
    }

    // Each request gets its own principal and properties: the cookie handler and the security-stamp
    // validator change them (renewal, replaced principal), and must not change the cached ticket.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    private sealed record CachedTicket(AuthenticationTicket Ticket, string? UserId, DateTime? ExpiresAtUtc, DateTimeOffset FreshUntil);
}
