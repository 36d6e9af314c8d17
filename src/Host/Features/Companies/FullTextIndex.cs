using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>A row of the full-text index: the company or network id and its relevance (lower is better).</summary>
public sealed record SearchHit(int Id, double Rank);

/// <summary>A row of the full-text index, unranked: the company id. (A record, not an <see langword="int"/>: EF casts a scalar column, and the cast hides the index's order from SQLite.)</summary>
public sealed record IndexMatch(int Id);

/// <summary>
/// Everything provider-specific about directory search, in one place: SQLite FTS5 tables kept in sync
/// by triggers (created by the migration from <see cref="CreateSql"/>), and the MATCH expressions. A
/// PostgreSQL version replaces this class and its SQL; callers only see <see cref="SearchHit"/> queries.
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

    /// <summary>The migrations' SQL: the two FTS5 tables, their sync triggers, and a first fill.</summary>
    public static string CreateSql { get; } = Table("CompanySearch", "Companies", CompanyColumns, CompanyIndexOptions) + Table("NetworkSearch", "Networks", NetworkColumns);

    public static string DropSql { get; } = Drop("CompanySearch", "Companies") + Drop("NetworkSearch", "Networks");

    /// <summary>The companies' index rebuilt with its prefix indexes (migration <c>CompanySearchPrefixes</c>), and back.</summary>
    public static string CompanyPrefixesSql { get; } = Drop("CompanySearch", "Companies") + Table("CompanySearch", "Companies", CompanyColumns, CompanyIndexOptions);

    public static string CompanyWithoutPrefixesSql { get; } = Drop("CompanySearch", "Companies") + Table("CompanySearch", "Companies", CompanyColumns);

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

        var match = "{Name Description Skills NafLabel Commune} : (" + string.Join(" AND ", terms) + ")";
        return db.Database.SqlQuery<IndexMatch>($"SELECT rowid AS Id FROM CompanySearch WHERE CompanySearch MATCH {match}");
    }

    /// <summary>
    /// For each group of stems, up to <paramref name="take"/> companies whose <paramref name="column"/>
    /// (Skills, Needs or NafLabel) has every stem of the group (as a word prefix), newest first; one query
    /// for all groups. Unranked on purpose: a ranked query scores every match before it can keep the
    /// best, and a frequent word matches thousands of companies; this one stops after <paramref name="take"/>
    /// rows a group.
    /// </summary>
    public static IQueryable<int>? CompaniesWithWords(PlatformDbContext db, string column, IEnumerable<IReadOnlyCollection<string>> groups, int take)
    {
        if (column is not ("Skills" or "Needs" or "NafLabel"))
        {
            throw new ArgumentOutOfRangeException(nameof(column));
        }

        var matches = groups.Where(g => g.Count > 0)
            .Select(g => "{" + column + "} : (" + string.Join(" AND ", g.Select(stem => $"\"{Quoted(stem)}\"*")) + ")")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var sql = string.Join(" UNION ALL ", matches.Select((_, i) =>
            $"SELECT \"Value\" FROM (SELECT rowid AS \"Value\" FROM CompanySearch WHERE CompanySearch MATCH {{{i}}} ORDER BY rowid DESC LIMIT {take})"));
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql, [.. matches]));
    }

    public static IQueryable<SearchHit>? Networks(PlatformDbContext db, string? query)
    {
        var terms = Terms(query);
        if (terms.Count == 0)
        {
            return null;
        }

        var match = string.Join(" AND ", terms);
        return db.Database.SqlQuery<SearchHit>(
            $"SELECT rowid AS Id, bm25(NetworkSearch, 10.0, 2.0, 3.0) AS Rank FROM NetworkSearch WHERE NetworkSearch MATCH {match}");
    }

    /// <summary>The query's words as quoted FTS5 prefix terms; quoting makes any user input a safe literal.</summary>
    public static IReadOnlyList<string> Terms(string? query) => [.. Stems(query).Select(stem => $"\"{stem}\"*")];

    /// <summary>The stems of the query's words (stop words left out), eight at most: what <see cref="Terms"/> looks for.</summary>
    public static IReadOnlyList<string> Stems(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : [.. Words(query).Where(w => !StopWords.Contains(w)).Select(Stem).Distinct(StringComparer.Ordinal).Take(8)];

    /// <summary>How many of <paramref name="stems"/> begin a word of <paramref name="text"/>, as the index matches them.</summary>
    public static int StemsFoundIn(IReadOnlyList<string> stems, string text)
    {
        var words = Words(text).ToList();
        return stems.Count(stem => words.Exists(word => word.StartsWith(stem, StringComparison.Ordinal)));
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

    private static string Drop(string table, string content) => $"""
        DROP TRIGGER IF EXISTS "{content}_search_insert";
        DROP TRIGGER IF EXISTS "{content}_search_delete";
        DROP TRIGGER IF EXISTS "{content}_search_update";
        DROP TABLE IF EXISTS "{table}";

        """;
}
