using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.Host.Data;

/// <summary>Several reads of a page on one opening of the context's connection.</summary>
public static class OneOpening
{
    /// <summary>
    /// Runs <paramref name="reads"/> with the connection opened once: outside a transaction, EF opens and closes it
    /// around every query, and each opening takes a pooled SQLite connection and gives it back (a twentieth of the
    /// company page's CPU for its two reads, bench/README.md). Nests: an opening already there is kept.
    /// </summary>
    public static async Task<T> ReadAsync<T>(this DatabaseFacade database, Func<Task<T>> reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(reads);
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await reads();
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }
}
