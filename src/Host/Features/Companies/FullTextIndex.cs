using System.Globalization;
using System.Numerics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>Groups of stems to look for in the suggestions' index of one column (Skills, Needs or NafLabel), <see cref="Take"/> companies at most a group.</summary>
public sealed record WordSearch(string Column, IEnumerable<IReadOnlyCollection<string>> Groups, int Take);

/// <summary>A row of the full-text index, unranked: the company id. (A record, not an <see langword="int"/>: EF casts a scalar column, and the cast hides the index's order from SQLite.)</summary>
public sealed record IndexMatch(int Id);

/// <summary>
/// Everything provider-specific about directory search, in one place: SQLite FTS5 tables kept in sync
/// by triggers (created by the migrations from <see cref="CreateSql"/> and <see cref="SuggestionIndexesSql"/>),
/// and the MATCH expressions. A PostgreSQL version replaces this class and its SQL; callers see its queries,
/// the SQL select of <see cref="CompaniesWithWords"/> and the statement of <see cref="CompanyWindowSql"/>.
/// </summary>
public static class FullTextIndex
{
    private const string CompanyColumns = "Name, Description, Skills, Needs, NafLabel, Commune";
    private const string NetworkColumns = "Name, Description, Labels";

    /// <summary>
    /// The companies' index also keeps prefix indexes for prefixes of 1 to 12 letters, so that a prefix term
    /// reads one list that stops at the window instead of merging the lists of every word it begins, and
    /// column positions only (`detail=column`: no phrase queries, which a search never makes).
    /// </summary>
    private const string CompanyIndexOptions = "prefix='1 2 3 4 5 6 7 8 9 10 11 12', detail=column";

    /// <summary>The first migration's SQL: the two FTS5 tables (the networks' one dropped since), their sync triggers, and a first fill.</summary>
    public static string CreateSql { get; } = Table("CompanySearch", "Companies", CompanyColumns, CompanyIndexOptions) + Table("NetworkSearch", "Networks", NetworkColumns);

    public static string DropSql { get; } = Drop("CompanySearch", "Companies") + Drop("NetworkSearch", "Networks");

    /// <summary>The companies' index rebuilt with its prefix indexes (migration <c>CompanySearchPrefixes</c>), and back.</summary>
    public static string CompanyPrefixesSql { get; } = Drop("CompanySearch", "Companies") + Table("CompanySearch", "Companies", CompanyColumns, CompanyIndexOptions);

    public static string CompanyWithoutPrefixesSql { get; } = Drop("CompanySearch", "Companies") + Table("CompanySearch", "Companies", CompanyColumns);

    /// <summary>
    /// The networks' index dropped (migration <c>NetworksSearchedInMemory</c>): the search finds the networks in memory
    /// (<see cref="NetworkSearchIndex"/>, decision 0023), and back.
    /// </summary>
    public static string DropNetworksSql { get; } = Drop("NetworkSearch", "Networks");

    public static string NetworksSql { get; } = Table("NetworkSearch", "Networks", NetworkColumns);

    /// <summary>
    /// The suggestions' indexes: the skills, the needs and the NAF label of each company, each column in a
    /// full-text table of its own. A column filter on the directory's index (<c>{Needs} : …</c>) reads every
    /// row of the word's list, whatever its column, to keep those of the column: a word frequent in the skills
    /// and rare in the needs cost a needs search the whole list. No positions (`detail=none`: words are only
    /// looked up), prefix indexes from 4 letters (the shortest stem a suggestion looks for), and triggers that
    /// follow only their own column.
    /// </summary>
    /// <remarks>
    /// Each company is indexed under its id negated (migration <c>SuggestionIndexesNewestFirst</c>), through the
    /// view <c>CompaniesNewestFirst</c>: the suggestions look for the newest companies first, and FTS5 walks a
    /// list backwards by loading it whole, but forwards only as far as it is read — negated, the newest come
    /// first in the list's own order (decision 0006, amendment 6).
    /// </remarks>
    public static string SuggestionIndexesSql =>
        NewestFirstView + string.Concat(SuggestionIndexes.Values.Select(index => ColumnTable(index.Table, index.Column, NewestFirst)));

    public static string DropSuggestionIndexesSql => DropSuggestionIndexesByIdSql + """
        DROP VIEW IF EXISTS "CompaniesNewestFirst";

        """;

    /// <summary>The suggestions' indexes as migration <c>SuggestionIndexes</c> made them, each company under its id (newest last).</summary>
    public static string SuggestionIndexesByIdSql => string.Concat(SuggestionIndexes.Values.Select(index => ColumnTable(index.Table, index.Column, ById)));

    public static string DropSuggestionIndexesByIdSql => string.Concat(SuggestionIndexes.Values.Select(index => DropColumnTable(index.Table)));

    /// <summary>
    /// The ids of the companies matching every word of <paramref name="query"/> in name, description,
    /// skills, NAF label or commune, unranked (the caller orders by id and stops at its window). Words are
    /// accent- and case-insensitive (unicode61 remove_diacritics 2) and matched as prefixes of a crude
    /// French stem (« emballages » finds « emballage », « emballeur »…).
    /// </summary>
    public static IQueryable<IndexMatch>? Companies(PlatformDbContext db, string? query)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return null;
        }

        var match = CompanyMatch(terms);
        return db.Database.SqlQuery<IndexMatch>($"SELECT rowid AS Id FROM CompanySearch WHERE CompanySearch MATCH {match}");
    }

    /// <summary>
    /// The ids of the companies found by <paramref name="searches"/>, as one SQL select with its parameters
    /// (<c>@w0</c>, <c>@w1</c>…, the MATCH expressions in order), to be composed into a statement (null when
    /// no search has a word). Each group of stems of a search finds up to its <see cref="WordSearch.Take"/>
    /// companies whose column has every stem of the group (as a word prefix), newest first. Unranked on
    /// purpose: a ranked query scores every match before it can keep the best, and a frequent word matches
    /// thousands of companies; this one stops after <see cref="WordSearch.Take"/> rows a group. Raw SQL
    /// whose text varies with the number of groups: run through ADO.NET, EF would compile a query for each.
    /// </summary>
    public static (string Sql, IReadOnlyList<string> Matches)? CompaniesWithWords(IEnumerable<WordSearch> searches)
    {
        var selects = new List<string>();
        var matches = new List<string>();
        foreach (var search in searches)
        {
            if (!SuggestionIndexes.TryGetValue(search.Column, out var index))
            {
                throw new ArgumentOutOfRangeException(nameof(searches), search.Column, "Skills, Needs or NafLabel.");
            }

            foreach (var match in search.Groups.Where(g => g.Count > 0)
                         .Select(g => string.Join(" AND ", g.Select(stem => $"\"{Quoted(stem)}\"*")))
                         .Distinct(StringComparer.Ordinal))
            {
                // Newest first: the index's order, each company being indexed under its id negated (SuggestionIndexesSql).
                selects.Add($"SELECT \"Value\" FROM (SELECT -rowid AS \"Value\" FROM \"{index.Table}\" WHERE \"{index.Table}\" MATCH @w{matches.Count} ORDER BY rowid LIMIT {search.Take})");
                matches.Add(match);
            }
        }

        return matches.Count == 0 ? null : (string.Join(" UNION ", selects), matches);
    }

    /// <summary>
    /// The statement of the search's window without filters: the ids and names of the first <c>$take</c> companies matching
    /// <c>$match</c> (<see cref="CompanyMatchOf"/>), as <see cref="Companies"/> finds them, in the index's (id) order. The
    /// names are read from the index <c>IX_Companies_Id_Name</c> (<see cref="CompanyNamesSql"/>), not from the companies'
    /// rows — a few hundred rows of a kilobyte or more, spread over the table, most read from the operating system rather
    /// than SQLite's page cache (bench: a sixth of a search's CPU). Named, because the planner prefers the table's own key
    /// when it has no statistics.
    /// </summary>
    public const string CompanyWindowSql = """
        SELECT c."Id", c."Name" FROM "CompanySearch" JOIN "Companies" AS c INDEXED BY "IX_Companies_Id_Name" ON c."Id" = "CompanySearch".rowid
        WHERE "CompanySearch" MATCH $match ORDER BY "CompanySearch".rowid LIMIT $take
        """;

    /// <summary>The MATCH expression of a query's <paramref name="stems"/> (<see cref="Stems"/>) over the companies' searched columns; <see langword="null"/> without any.</summary>
    public static string? CompanyMatchOf(IReadOnlyList<string> stems) =>
        stems.Count == 0 ? null : CompanyMatch([.. stems.Select(Term)]);

    /// <summary>Every term in the searched columns of the companies' index (the needs are the suggestions').</summary>
    private static string CompanyMatch(IReadOnlyList<string> terms) => "{Name Description Skills NafLabel Commune} : (" + string.Join(" AND ", terms) + ")";

    /// <summary>The index of <see cref="CompanyNames"/> (migration <c>CompanyNamesById</c>), and back.</summary>
    public const string CompanyNamesSql = """CREATE INDEX "IX_Companies_Id_Name" ON "Companies" ("Id", "Name");""";

    public const string DropCompanyNamesSql = """DROP INDEX "IX_Companies_Id_Name";""";

    /// <summary>The query's words as quoted FTS5 prefix terms; quoting makes any user input a safe literal.</summary>
    public static IReadOnlyList<string> Terms(string? query) => [.. Stems(query).Select(Term)];

    private static string Term(string stem) => $"\"{stem}\"*";

    /// <summary>The stems of the query's words (stop words left out), eight at most: what <see cref="Terms"/> looks for.</summary>
    public static IReadOnlyList<string> Stems(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : [.. Words(query).Where(w => !StopWords.Contains(w)).Select(Stem).Distinct(StringComparer.Ordinal).Take(8)];

    /// <summary>How many of <paramref name="stems"/> (eight at most) begin a word of <paramref name="text"/>, as the index matches them.</summary>
    /// <remarks>
    /// The words of <see cref="Words"/>, compared where they lie rather than made into strings: a search orders its window
    /// by it, 200 names a search (bench, session 30: 8 % more searches a second computed, side by side). An ASCII text is
    /// its own decomposed form, without marks, so it is not normalised.
    /// </remarks>
    public static int StemsFoundIn(IReadOnlyList<string> stems, string text)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stems.Count, 8);
        var decomposed = Decomposed(text);
        Span<char> buffer = decomposed.Length <= 256 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var found = 0;
        for (var words = new WordSpans(decomposed, buffer); words.MoveNext();)
        {
            found |= StemsBeginning(stems, words.Current);
        }

        return BitOperations.PopCount((uint)found);
    }

    /// <summary>The text to cut into words with <see cref="WordSpans"/>: an ASCII text is its own decomposed form, without marks.</summary>
    internal static string Decomposed(string text) => Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD);

    /// <summary>
    /// The words of <see cref="Words"/>, each written in the caller's buffer (as long as the text at least) rather than made
    /// into a string; the text is <see cref="Decomposed"/>'s.
    /// </summary>
    internal ref struct WordSpans
    {
        private readonly string _decomposed;
        private readonly Span<char> _buffer;
        private int _next;
        private int _length;

        public WordSpans(string decomposed, Span<char> buffer)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(buffer.Length, decomposed.Length, nameof(buffer));
            _decomposed = decomposed;
            _buffer = buffer;
        }

        public readonly ReadOnlySpan<char> Current => _buffer[.._length];

        public bool MoveNext()
        {
            _length = 0;
            while (_next < _decomposed.Length)
            {
                var c = _decomposed[_next++];
                if (!char.IsAscii(c) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (char.IsLetterOrDigit(c))
                {
                    _buffer[_length++] = char.ToLowerInvariant(c);
                }
                else if (_length > 0)
                {
                    return true;
                }
            }

            return _length > 0;
        }
    }

    /// <summary>The stems that begin <paramref name="word"/>, one bit each.</summary>
    private static int StemsBeginning(IReadOnlyList<string> stems, ReadOnlySpan<char> word)
    {
        var found = 0;
        for (var i = 0; i < stems.Count; i++)
        {
            if (word.StartsWith(stems[i], StringComparison.Ordinal))
            {
                found |= 1 << i;
            }
        }

        return found;
    }

    /// <summary>A word as the inside of an FTS5 string: a double quote is written twice.</summary>
    private static string Quoted(string word) => word.Replace("\"", "\"\"", StringComparison.Ordinal);

    /// <summary>Lower-case words without accents, as the index sees them.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    /// <summary>A light French stem: plural marks and the most common endings, so a prefix match finds the variants.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 4)
        {
            return word;
        }

        foreach (var ending in (string[])["ements", "ement", "ations", "ation", "eaux", "ages", "age", "ies", "ees", "es", "ee", "s", "x", "e"])
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "avec", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "par", "pour", "sur", "un", "une", "dans",
    };

    private static string Table(string table, string content, string columns, string? options = null)
    {
        var values = string.Join(", ", columns.Split(", ").Select(c => "new." + c));
        var oldValues = string.Join(", ", columns.Split(", ").Select(c => "old." + c));
        return $"""
            CREATE VIRTUAL TABLE "{table}" USING fts5({columns}, content='{content}', content_rowid='Id', tokenize="unicode61 remove_diacritics 2"{(options is null ? "" : ", " + options)});
            CREATE TRIGGER "{content}_search_insert" AFTER INSERT ON "{content}" BEGIN
              INSERT INTO "{table}"(rowid, {columns}) VALUES (new.Id, {values});
            END;
            CREATE TRIGGER "{content}_search_delete" AFTER DELETE ON "{content}" BEGIN
              INSERT INTO "{table}"("{table}", rowid, {columns}) VALUES ('delete', old.Id, {oldValues});
            END;
            CREATE TRIGGER "{content}_search_update" AFTER UPDATE ON "{content}" BEGIN
              INSERT INTO "{table}"("{table}", rowid, {columns}) VALUES ('delete', old.Id, {oldValues});
              INSERT INTO "{table}"(rowid, {columns}) VALUES (new.Id, {values});
            END;
            INSERT INTO "{table}"("{table}") VALUES ('rebuild');

            """;
    }

    /// <summary>The columns the suggestions look words up in, and the table each is indexed in.</summary>
    private static readonly Dictionary<string, (string Table, string Column)> SuggestionIndexes = new(StringComparer.Ordinal)
    {
        ["Skills"] = ("CompanySkillWords", "Skills"),
        ["Needs"] = ("CompanyNeedWords", "Needs"),
        ["NafLabel"] = ("CompanyActivityWords", "NafLabel"),
    };

    /// <summary>Where a suggestions' index reads its companies, and the rowid it gives a company (its id, or its id negated).</summary>
    private sealed record IndexedCompanies(string Content, string Sign)
    {
        public string Key(string row) => $"{Sign}{row}.Id";
    }

    private static readonly IndexedCompanies ById = new("Companies", "");

    private static readonly IndexedCompanies NewestFirst = new("CompaniesNewestFirst", "-");

    private const string NewestFirstView = """
        CREATE VIEW "CompaniesNewestFirst" AS SELECT -"Id" AS "Id", "Skills", "Needs", "NafLabel" FROM "Companies";

        """;

    private static string ColumnTable(string table, string column, IndexedCompanies companies) => $"""
        CREATE VIRTUAL TABLE "{table}" USING fts5({column}, content='{companies.Content}', content_rowid='Id', tokenize="unicode61 remove_diacritics 2", prefix='4 5 6 7 8 9 10 11 12', detail=none);
        CREATE TRIGGER "{table}_insert" AFTER INSERT ON "Companies" BEGIN
          INSERT INTO "{table}"(rowid, {column}) VALUES ({companies.Key("new")}, new.{column});
        END;
        CREATE TRIGGER "{table}_delete" AFTER DELETE ON "Companies" BEGIN
          INSERT INTO "{table}"("{table}", rowid, {column}) VALUES ('delete', {companies.Key("old")}, old.{column});
        END;
        CREATE TRIGGER "{table}_update" AFTER UPDATE OF {column} ON "Companies" BEGIN
          INSERT INTO "{table}"("{table}", rowid, {column}) VALUES ('delete', {companies.Key("old")}, old.{column});
          INSERT INTO "{table}"(rowid, {column}) VALUES ({companies.Key("new")}, new.{column});
        END;
        INSERT INTO "{table}"("{table}") VALUES ('rebuild');

        """;

    private static string DropColumnTable(string table) => $"""
        DROP TRIGGER IF EXISTS "{table}_insert";
        DROP TRIGGER IF EXISTS "{table}_delete";
        DROP TRIGGER IF EXISTS "{table}_update";
        DROP TABLE IF EXISTS "{table}";

        """;

    private static string Drop(string table, string content) => $"""
        DROP TRIGGER IF EXISTS "{content}_search_insert";
        DROP TRIGGER IF EXISTS "{content}_search_delete";
        DROP TRIGGER IF EXISTS "{content}_search_update";
        DROP TABLE IF EXISTS "{table}";

        """;
}
