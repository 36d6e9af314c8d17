using System.Diagnostics;
using Microsoft.Extensions.Options;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>
/// A search's window without filters, in the page's order: the ids of the first <see cref="CompanyDirectory.SearchWindow"/>
/// matches (the index's, by id) ordered as the page shows them, and how many matches were read (one more than the window when
/// there are more).
/// </summary>
public sealed record SearchWindow(IReadOnlyList<int> Ids, int Count);

/// <summary>
/// The companies' words in memory (decision 0024): the window of a search without filters, found without SQLite. The
/// searched columns of every company (name, description, skills, NAF label, commune) cut into words as the full-text index
/// cuts them (<see cref="FullTextIndex.WordSpans"/>), each distinct word with the companies having it, and each company's
/// place in the French order of the names; kept under the directory's version (decision 0006, amendment 4), which moves
/// with every change to a company. The window is the one <c>CompanySearch</c> gives: the first matches by id having a word
/// that begins with each stem, ordered by how many stems begin a word of the name, then by name, then by id
/// (<c>CompanySearchIndexTests</c> compares them).
/// </summary>
/// <remarks>
/// A search never waits for this index: while it is older than the version the search read, or not read yet, the search
/// asks SQLite and starts reading the companies again in the background (one reading at a time, one every
/// <see cref="ReadEvery"/> at most). About 3.5 MB at 100 000 companies (bench/README.md).
/// </remarks>
public sealed class CompanySearchIndex(PlatformConnection connection, IOptions<DirectorySearchOptions> options, TimeProvider time, ILogger<CompanySearchIndex> logger)
    : IDisposable
{
    /// <summary>
    /// A reading starts this long after the previous one started at the soonest: while the directory changes all the time (an
    /// import), searches ask SQLite rather than keep a core busy reading 100 000 companies again and again.
    /// </summary>
    public static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private CompanyWords? _current;
    private Task _reading = Task.CompletedTask;
    private DateTimeOffset? _readingStarted;
    private int _readings;
    private long _served;

    /// <summary>How many times this instance read the companies (for the tests).</summary>
    public int Readings => Volatile.Read(ref _readings);

    /// <summary>How many windows this instance found (for the tests).</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>The reading under way, or the last one (for the tests).</summary>
    internal Task Reading
    {
        get
        {
            lock (_gate)
            {
                return _reading;
            }
        }
    }

    /// <summary>
    /// The window of <paramref name="stems"/> (<see cref="FullTextIndex.Stems"/>, one at least): at most <paramref name="take"/>
    /// matches read, the first <paramref name="take"/> − 1 in the page's order. <see langword="null"/> when this index is off,
    /// or older than <paramref name="version"/> (a reading starts then): the caller asks SQLite.
    /// </summary>
    public SearchWindow? Find(long version, IReadOnlyList<string> stems, int take)
    {
        ArgumentNullException.ThrowIfNull(stems);
        ArgumentOutOfRangeException.ThrowIfZero(stems.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 2);
        if (!options.Value.WordsInMemory)
        {
            return null;
        }

        // The version only grows: companies read at a later version are as fresh as asked.
        if (Volatile.Read(ref _current) is { } current && current.Version >= version)
        {
            Interlocked.Increment(ref _served);
            return current.Find(stems, take);
        }

        StartReading();
        return null;
    }

    private void StartReading()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_reading.IsCompleted || now - _readingStarted < ReadEvery || _stopping.IsCancellationRequested)
            {
                return;
            }

            _readingStarted = now;
            _reading = Task.Run(() => Read(_stopping.Token));
        }
    }

    /// <summary>Reads every company and makes them the index; a failure leaves the index as it was, and the searches to SQLite.</summary>
    internal void Read(CancellationToken cancellationToken)
    {
        try
        {
            var elapsed = Stopwatch.StartNew();
            var snapshot = CompanyWords.Read(connection.ConnectionString, cancellationToken);
            Interlocked.Increment(ref _readings);
            lock (_gate)
            {
                if (_current is null || _current.Version < snapshot.Version)
                {
                    Volatile.Write(ref _current, snapshot);
                }
            }

            logger.LogInformation(
                "Directory words read in {Elapsed} ms at version {Version}: {Companies} companies, {Words} words, {Bytes} bytes",
                elapsed.ElapsedMilliseconds, snapshot.Version, snapshot.Companies, snapshot.Words, snapshot.Bytes);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Directory words not read: searches ask SQLite");
        }
    }

    public void Dispose()
    {
        Task reading;
        lock (_gate)
        {
            _stopping.Cancel();
            reading = _reading;
        }

        reading.Wait(TimeSpan.FromSeconds(5));
        _stopping.Dispose();
    }
}
