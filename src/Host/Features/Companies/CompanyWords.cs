using System.Text;
using Microsoft.Data.Sqlite;
using Platform.Host.Data;
using Platform.Host.Web;

namespace Platform.Host.Features.Companies;

/// <summary>
/// The companies' words at one version of the directory, as <see cref="CompanySearchIndex"/> keeps them (decision 0024), and
/// the search's window found in them. Each company has its ordinal, its place in the order of the ids; each distinct word, in
/// ordinal order, the ordinals of the companies having it, each as its difference with the previous one, shifted left by
/// one bit that says whether the word is in the company's name, and written in 7-bit groups (LEB128): one or two bytes
/// a company a word.
/// </summary>
internal sealed class CompanyWords
{
    private readonly int[] _ids;
    private readonly int[] _nameRanks;
    private readonly string[] _words;
    private readonly int[] _starts;
    private readonly byte[] _postings;

    private CompanyWords(long version, int[] ids, int[] nameRanks, string[] words, int[] starts, byte[] postings)
    {
        Version = version;
        _ids = ids;
        _nameRanks = nameRanks;
        _words = words;
        _starts = starts;
        _postings = postings;
    }

    public long Version { get; }

    public int Companies => _ids.Length;

    public int Words => _words.Length;

    public long Bytes => _postings.Length + (4L * (_ids.Length + _nameRanks.Length + _starts.Length)) + _words.Sum(word => 24L + (2 * word.Length));

    private const string CompaniesSql = """SELECT "Id", "Name", "Description", "Skills", "NafLabel", "Commune" FROM "Companies" ORDER BY "Id" """;

    /// <summary>The version and the companies, read in one read transaction: the companies as they are at that version.</summary>
    public static CompanyWords Read(string connectionString, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = SqlitePragmaInterceptor.Pragmas;
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """SELECT "Version" FROM "DirectoryVersions" WHERE "Id" = 1""";
        var version = command.ExecuteScalar() is long read ? read : 0L;

        // Counted first, so that the names' bytes and the companies' arrays are made once, at their size.
        command.CommandText = CountSql;
        Builder builder;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            builder = new Builder(reader.GetInt32(0), reader.GetInt32(1));
        }

        command.CommandText = CompaniesSql;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (builder.Companies % 1_024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                builder.Add(reader.GetInt32(0), reader.GetString(1), [Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5)]);
            }
        }

        return builder.Build(version);
    }

    private const string CountSql = """SELECT count(*), coalesce(sum(length(CAST("Name" AS BLOB))), 0) FROM "Companies" """;

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    public SearchWindow Find(IReadOnlyList<string> stems, int take)
    {
        var cursors = new StemCursor[stems.Count];
        for (var i = 0; i < stems.Count; i++)
        {
            var first = FirstWordFrom(stems[i]);
            var end = first;
            while (end < _words.Length && _words[end].StartsWith(stems[i], StringComparison.Ordinal))
            {
                end++;
            }

            if (first == end)
            {
                return new SearchWindow([], 0);
            }

            cursors[i] = new StemCursor(_postings, _starts, first, end);
        }

        // The rarest stem leads: the others skip to its matches.
        Array.Sort(cursors, static (a, b) => a.Size.CompareTo(b.Size));
        var hits = new List<(int Ordinal, int InName)>(take);
        var candidate = 0;
        while (hits.Count < take && Agree(cursors, ref candidate))
        {
            var inName = 0;
            foreach (var cursor in cursors)
            {
                inName += cursor.InName ? 1 : 0;
            }

            hits.Add((candidate, inName));
            candidate++;
        }

        var window = hits.Take(take - 1).ToArray();
        Array.Sort(window, (a, b) => a.InName != b.InName ? b.InName.CompareTo(a.InName) : _nameRanks[a.Ordinal].CompareTo(_nameRanks[b.Ordinal]));
        return new SearchWindow([.. window.Select(hit => _ids[hit.Ordinal])], hits.Count);
    }

    /// <summary>Moves every cursor to the first company at or after <paramref name="candidate"/> that they all have; false when there is none.</summary>
    private static bool Agree(StemCursor[] cursors, ref int candidate)
    {
        for (var i = 0; i < cursors.Length;)
        {
            if (!cursors[i].MoveTo(candidate))
            {
                return false;
            }

            if (cursors[i].Current > candidate)
            {
                candidate = cursors[i].Current;
                i = 0;
                continue;
            }

            i++;
        }

        return true;
    }

    /// <summary>The first word at or after <paramref name="stem"/> in ordinal order: the first that may begin with it.</summary>
    private int FirstWordFrom(string stem)
    {
        var index = Array.BinarySearch(_words, stem, StringComparer.Ordinal);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The companies having a word that begins with one stem: the lists of those words merged, in ordinal order.</summary>
    private sealed class StemCursor
    {
        private const int Exhausted = int.MaxValue;

        private readonly byte[] _postings;
        private readonly int[] _at;
        private readonly int[] _ends;
        private readonly int[] _ordinals;
        private readonly bool[] _inName;

        public StemCursor(byte[] postings, int[] starts, int firstWord, int endWord)
        {
            _postings = postings;
            var words = endWord - firstWord;
            _at = starts.AsSpan(firstWord, words).ToArray();
            _ends = starts.AsSpan(firstWord + 1, words).ToArray();
            _ordinals = new int[words];
            _ordinals.AsSpan().Fill(-1);
            _inName = new bool[words];
            Size = starts[endWord] - starts[firstWord];
            Current = -1;
        }

        /// <summary>The bytes of its lists: how many companies it may yield, roughly.</summary>
        public int Size { get; }

        public int Current { get; private set; }

        /// <summary>Whether one of the words at <see cref="Current"/> is in the company's name.</summary>
        public bool InName { get; private set; }

        /// <summary>Moves to the first company at or after <paramref name="target"/>; false when there is none.</summary>
        public bool MoveTo(int target)
        {
            if (Current >= target)
            {
                return Current != Exhausted;
            }

            var current = Exhausted;
            var inName = false;
            for (var word = 0; word < _ordinals.Length; word++)
            {
                var ordinal = _ordinals[word];
                if (ordinal < target)
                {
                    var at = _at[word];
                    var end = _ends[word];
                    var flag = false;
                    while (ordinal < target)
                    {
                        if (at == end)
                        {
                            ordinal = Exhausted;
                            break;
                        }

                        var value = 0;
                        var shift = 0;
                        byte b;
                        do
                        {
                            b = _postings[at++];
                            value |= (b & 0x7F) << shift;
                            shift += 7;
                        }
                        while (b >= 0x80);

                        ordinal += value >> 1;
                        flag = (value & 1) != 0;
                    }

                    _at[word] = at;
                    _ordinals[word] = ordinal;
                    _inName[word] = flag;
                }

                if (ordinal < current)
                {
                    current = ordinal;
                    inName = _inName[word];
                }
                else if (ordinal == current)
                {
                    inName |= _inName[word];
                }
            }

            Current = current;
            InName = inName;
            return current != Exhausted;
        }
    }

    /// <summary>Cuts the companies into words, in the order of their ids, and writes each word's list as it goes.</summary>
    private sealed class Builder(int companies, int nameBytes)
    {
        private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
        private readonly List<string> _words = [];
        private readonly List<PostingList> _lists = [];
        private readonly int[] _ids = new int[companies];
        private readonly byte[] _names = new byte[nameBytes];
        private readonly int[] _nameStarts = new int[companies + 1];
        private char[] _buffer = new char[256];

        public int Companies { get; private set; }

        public void Add(int id, string name, string?[] columns)
        {
            // The count read before, in the same read transaction: the rows are those it counted.
            var ordinal = Companies++;
            _ids[ordinal] = id;
            _nameStarts[ordinal + 1] = _nameStarts[ordinal] + Encoding.UTF8.GetBytes(name, _names.AsSpan(_nameStarts[ordinal]));
            Words(ordinal, name, inName: true);
            foreach (var column in columns)
            {
                if (column is not null)
                {
                    Words(ordinal, column, inName: false);
                }
            }
        }

        /// <summary>Adds the company to the list of each word of <paramref name="text"/> it is not in yet (the name comes first).</summary>
        private void Words(int ordinal, string text, bool inName)
        {
            var decomposed = FullTextIndex.Decomposed(text);
            if (_buffer.Length < decomposed.Length)
            {
                _buffer = new char[Math.Max(decomposed.Length, _buffer.Length * 2)];
            }

            var lookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var words = new FullTextIndex.WordSpans(decomposed, _buffer); words.MoveNext();)
            {
                if (!lookup.TryGetValue(words.Current, out var word))
                {
                    word = _words.Count;
                    var key = words.Current.ToString();
                    _wordIds.Add(key, word);
                    _words.Add(key);
                    _lists.Add(new PostingList());
                }

                _lists[word].Add(ordinal, inName);
            }
        }

        public CompanyWords Build(long version)
        {
            if (Companies != _ids.Length)
            {
                throw new InvalidOperationException($"{_ids.Length} companies counted, {Companies} read.");
            }

            var words = _words.ToArray();
            var lists = _lists.ToArray();
            Array.Sort(words, lists, StringComparer.Ordinal);
            var starts = new int[words.Length + 1];
            for (var i = 0; i < lists.Length; i++)
            {
                starts[i + 1] = starts[i] + lists[i].Length;
            }

            var postings = new byte[starts[^1]];
            for (var i = 0; i < lists.Length; i++)
            {
                lists[i].CopyTo(postings.AsSpan(starts[i]));
            }

            return new CompanyWords(version, _ids, NameRanks(), words, starts, postings);
        }

        /// <summary>Each company's place in the French order of the names, then of the ids: the order the window sorts them in.</summary>
        private int[] NameRanks()
        {
            var byName = new int[Companies];
            for (var i = 0; i < byName.Length; i++)
            {
                byName[i] = i;
            }

            Array.Sort(byName, (a, b) => CompareNames(a, b) is var order && order != 0 ? order : a.CompareTo(b));
            var ranks = new int[byName.Length];
            for (var rank = 0; rank < byName.Length; rank++)
            {
                ranks[byName[rank]] = rank;
            }

            return ranks;
        }

        /// <summary><see cref="CompanyDirectory.NameOrder"/>'s comparison of two names, decoded where they lie.</summary>
        private int CompareNames(int a, int b)
        {
            var first = _names.AsSpan(_nameStarts[a], _nameStarts[a + 1] - _nameStarts[a]);
            var second = _names.AsSpan(_nameStarts[b], _nameStarts[b + 1] - _nameStarts[b]);
            Span<char> firstChars = first.Length <= 256 ? stackalloc char[first.Length] : new char[first.Length];
            Span<char> secondChars = second.Length <= 256 ? stackalloc char[second.Length] : new char[second.Length];
            return ParisTime.French.CompareInfo.Compare(
                firstChars[..Encoding.UTF8.GetChars(first, firstChars)], secondChars[..Encoding.UTF8.GetChars(second, secondChars)], CompanyDirectory.NameOrderOptions);
        }
    }

    /// <summary>
    /// One word's companies as <see cref="CompanyWords"/> keeps them, in chunks that grow up to 16 KB as they fill: none is
    /// copied into a larger one, and none goes to the large objects' heap.
    /// </summary>
    private sealed class PostingList
    {
        private const int LargestChunk = 16 * 1_024;

        private List<byte[]>? _full;
        private byte[] _chunk = new byte[8];
        private int _used;
        private int _last = -1;

        public int Length { get; private set; }

        /// <summary>Adds the company, unless it was the last added (a word seen again in the same company).</summary>
        public void Add(int ordinal, bool inName)
        {
            if (ordinal == _last)
            {
                return;
            }

            var value = (uint)(((ordinal - _last) << 1) | (inName ? 1 : 0));
            _last = ordinal;
            do
            {
                if (_used == _chunk.Length)
                {
                    (_full ??= []).Add(_chunk);
                    _chunk = new byte[Math.Min(_chunk.Length * 2, LargestChunk)];
                    _used = 0;
                }

                _chunk[_used++] = (byte)(value >= 0x80 ? value | 0x80 : value);
                Length++;
                value >>= 7;
            }
            while (value > 0);
        }

        public void CopyTo(Span<byte> destination)
        {
            foreach (var chunk in _full ?? [])
            {
                chunk.CopyTo(destination);
                destination = destination[chunk.Length..];
            }

            _chunk.AsSpan(0, _used).CopyTo(destination);
        }
    }
}
