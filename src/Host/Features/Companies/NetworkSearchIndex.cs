using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>A network a search found: what its line shows.</summary>
public sealed record NetworkMatch(int Id, string Slug, string Name, NetworkKind Kind, string? Description);

/// <summary>
/// The directory search's networks, found in memory (decision 0023): a few hundred networks at most, whose
/// names, descriptions and labels this instance cuts into words as the full-text index does
/// (<see cref="FullTextIndex.Words"/>) and keeps under the directory's version, which moves with every change to a
/// network. A search finds the networks having a word that begins with each of its stems, in any of the three
/// columns, and ranks them by SQLite FTS5's <c>bm25</c>, the name weighing 10, the description 2 and the labels 3 —
/// the order the search had when it asked SQLite (<c>NetworkSearchIndexTests</c> compares them). Asking SQLite
/// cost a third of a computed search (bench/README.md); the first search after a change reads the networks again.
/// </summary>
public sealed class NetworkSearchIndex : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _current;
    private int _readings;

    /// <summary>How many times this instance read the networks (for the tests).</summary>
    public int Readings => Volatile.Read(ref _readings);

    /// <summary>
    /// The first <paramref name="take"/> networks matching every stem, best first; the networks as they are at
    /// <paramref name="version"/> of the directory, or later.
    /// </summary>
    public async Task<IReadOnlyList<NetworkMatch>> SearchAsync(PlatformDbContext db, long version, IReadOnlyList<string> stems, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stems);
        return stems.Count == 0 || take <= 0 ? [] : (await SnapshotAsync(db, version, cancellationToken)).Search(stems, take);
    }

    public void Dispose() => _building.Dispose();

    private async Task<Snapshot> SnapshotAsync(PlatformDbContext db, long version, CancellationToken cancellationToken)
    {
        // The version only grows: networks read at a later version are as fresh as asked.
        if (Volatile.Read(ref _current) is { } current && current.Version >= version)
        {
            return current;
        }

        // One reading at a time: the searches of the moment after a change wait for it rather than each read the networks.
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } read && read.Version >= version)
            {
                return read;
            }

            var networks = await db.Networks.AsNoTracking().OrderBy(n => n.Id)
                .Select(n => new IndexedNetwork(new NetworkMatch(n.Id, n.Slug, n.Name, n.Kind, n.Description), n.Labels))
                .ToListAsync(cancellationToken);
            Interlocked.Increment(ref _readings);
            var snapshot = new Snapshot(version, networks);
            Volatile.Write(ref _current, snapshot);
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    private sealed record IndexedNetwork(NetworkMatch Network, string? Labels);

    /// <summary>A word of the networks, in one network's column, so many times.</summary>
    private readonly record struct Posting(int Network, int Column, int Count);

    /// <summary>The networks at one version: every distinct word in ordinal order, with where it occurs.</summary>
    private sealed class Snapshot
    {
        // FTS5's bm25 (fts5_aux.c): k1, b, and the columns' weights the search gave it (name, description, labels).
        private const double K1 = 1.2;
        private const double B = 0.75;
        private static readonly double[] Weights = [10.0, 2.0, 3.0];

        private readonly NetworkMatch[] _networks;
        private readonly string[] _words;
        private readonly Posting[][] _postings;
        private readonly int[] _lengths;
        private readonly double _averageLength;

        public Snapshot(long version, IReadOnlyList<IndexedNetwork> networks)
        {
            Version = version;
            _networks = [.. networks.Select(n => n.Network)];
            _lengths = new int[networks.Count];
            var postings = new SortedDictionary<string, List<Posting>>(StringComparer.Ordinal);
            for (var index = 0; index < networks.Count; index++)
            {
                string?[] columns = [networks[index].Network.Name, networks[index].Network.Description, networks[index].Labels];
                for (var column = 0; column < columns.Length; column++)
                {
                    if (columns[column] is not { } text)
                    {
                        continue;
                    }

                    foreach (var word in FullTextIndex.Words(text).GroupBy(word => word, StringComparer.Ordinal))
                    {
                        var count = word.Count();
                        _lengths[index] += count;
                        if (!postings.TryGetValue(word.Key, out var list))
                        {
                            postings.Add(word.Key, list = []);
                        }

                        list.Add(new Posting(index, column, count));
                    }
                }
            }

            _words = [.. postings.Keys];
            _postings = [.. postings.Values.Select(list => list.ToArray())];
            _averageLength = networks.Count == 0 ? 0 : (double)_lengths.Sum() / networks.Count;
        }

        public long Version { get; }

        public IReadOnlyList<NetworkMatch> Search(IReadOnlyList<string> stems, int take)
        {
            // Each stem's weighted frequency in each network having it (FTS5: each of its instances adds its column's weight).
            var frequencies = new Dictionary<int, double>[stems.Count];
            for (var stem = 0; stem < stems.Count; stem++)
            {
                frequencies[stem] = [];
                for (var word = FirstWordFrom(stems[stem]); word < _words.Length && _words[word].StartsWith(stems[stem], StringComparison.Ordinal); word++)
                {
                    foreach (var posting in _postings[word])
                    {
                        frequencies[stem][posting.Network] = frequencies[stem].GetValueOrDefault(posting.Network) + (Weights[posting.Column] * posting.Count);
                    }
                }

                if (frequencies[stem].Count == 0)
                {
                    return [];
                }
            }

            var found = new List<(NetworkMatch Network, double Score)>();
            foreach (var network in frequencies[0].Keys.Where(network => frequencies.All(stem => stem.ContainsKey(network))))
            {
                var score = 0.0;
                foreach (var stem in frequencies)
                {
                    var frequency = stem[network];
                    score += InverseFrequency(stem.Count) * frequency * (K1 + 1) / (frequency + (K1 * (1 - B + (B * _lengths[network] / _averageLength))));
                }

                found.Add((_networks[network], score));
            }

            return [.. found.OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Network.Id).Take(take).Select(hit => hit.Network)];
        }

        /// <summary>FTS5's: rare words weigh more; a word most networks have, almost nothing (never zero or less).</summary>
        private double InverseFrequency(int networksHavingIt)
        {
            var idf = Math.Log((_networks.Length - networksHavingIt + 0.5) / (networksHavingIt + 0.5));
            return idf <= 0 ? 1e-6 : idf;
        }

        /// <summary>The first word at or after <paramref name="stem"/> in ordinal order: the first that may begin with it.</summary>
        private int FirstWordFrom(string stem)
        {
            var index = Array.BinarySearch(_words, stem, StringComparer.Ordinal);
            return index >= 0 ? index : ~index;
        }
    }
}
