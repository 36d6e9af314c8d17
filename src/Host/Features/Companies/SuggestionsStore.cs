using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Host.Data;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies;

/// <summary>
/// The companies' suggestions computed ahead (decision 0021), in table <c>CompanySuggestions</c>: a view reads
/// one row instead of computing them (about 2.3 ms of CPU at 100 000 companies). A row is always about the
/// companies as they are: the database's triggers delete it when the company, or a company it suggests, changes
/// what a suggestion shows or rests on (its name, commune, activity, sector, skills, needs, networks) or leaves
/// the directory — every writer does, as for <see cref="DirectoryVersion"/>. What a row may miss is a company
/// that became a better suggestion since it was computed (one that joined, or changed its skills):
/// <see cref="SuggestionsRefresher"/> computes each row again when it is <see cref="SuggestionsRefresher.RefreshAfter"/> old.
/// </summary>
public sealed class SuggestionsStore(PlatformDbContext db, StoredSuggestionRows rows, DatabaseWriter writer, NetworkDirectory networks)
{
    /// <summary>The stored suggestions of the company, its networks named; <see langword="null"/> when none are stored.</summary>
    public async Task<IReadOnlyList<Suggestion>?> ReadAsync(int companyId, CancellationToken cancellationToken = default) =>
        Read(companyId) is { } json ? await ShowAsync(json, cancellationToken) : null;

    /// <summary>The stored suggestions of the company as their JSON (<see cref="Serialize"/>); <see langword="null"/> when none are stored.</summary>
    public byte[]? Read(int companyId) => rows.Payload(companyId) is { } payload ? Unpack(payload) : null;

    /// <summary>Suggestions from their JSON (<see cref="Serialize"/>), as the page shows them: their networks named, by name.</summary>
    public async Task<IReadOnlyList<Suggestion>> ShowAsync(byte[] json, CancellationToken cancellationToken = default)
    {
        var stored = JsonSerializer.Deserialize(json, Json.StoredSuggestionArray) ?? [];
        var known = await networks.KnownByIdAsync(cancellationToken);
        var suggestions = new Suggestion[stored.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            var s = stored[i];
            var theirs = new NetworkInfo[s.Networks.Length];
            var count = 0;
            foreach (var id in s.Networks)
            {
                if ((known.TryGetValue(id, out var network) ? network : await networks.FindAsync(id, cancellationToken)) is { } named)
                {
                    theirs[count++] = named;
                }
            }

            Array.Sort(theirs, 0, count, NetworksByName);
            suggestions[i] = new Suggestion(new SuggestedCompany(s.Id, s.Name, s.Commune), count == theirs.Length ? theirs : theirs[..count], s.Reasons, s.Score);
        }

        return suggestions;
    }

    private static readonly Comparer<NetworkInfo> NetworksByName = Comparer<NetworkInfo>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name));

    /// <summary>
    /// Stores each company's suggestions, computed on the directory as it was at <paramref name="basis"/> (read before
    /// them: <see cref="CompanyDirectory.VersionAsync"/>). Nothing is stored if the directory has changed since — a
    /// change the triggers would have applied to the rows may have come after the suggestions were read — and the
    /// answer is <see langword="false"/>: compute them again.
    /// </summary>
    public Task<bool> SaveAsync(IReadOnlyList<(int CompanyId, IReadOnlyList<Suggestion> Suggestions)> computed, long basis, DateTime computedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(computed);
        var rows = computed.Select(c => (c.CompanyId, Payload: Pack(c.Suggestions), c.Suggestions)).ToList();
        var at = new DateTimeOffset(DateTime.SpecifyKind(computedAt, DateTimeKind.Utc)).ToUnixTimeSeconds();
        return writer.ExecuteAsync(async (context, token) =>
        {
            if (await CompanyDirectory.VersionOf(context, token) != basis)
            {
                return false;
            }

            foreach (var (companyId, payload, suggestions) in rows)
            {
                // Deleted first, its links with it (a REPLACE would leave them to the foreign keys' rules on conflicts);
                // inserted only if the company is still in the directory.
                await context.Database.ExecuteSqlAsync($"""DELETE FROM "CompanySuggestions" WHERE "CompanyId" = {companyId}""", token);
                await context.Database.ExecuteSqlAsync($"""
                    INSERT INTO "CompanySuggestions" ("CompanyId", "ComputedAt", "Payload")
                    SELECT "Id", {at}, {payload} FROM "Companies" WHERE "Id" = {companyId}
                    """, token);
                foreach (var suggested in suggestions.Select(s => s.Company.Id).Distinct())
                {
                    await context.Database.ExecuteSqlAsync($"""
                        INSERT OR IGNORE INTO "CompanySuggestionLinks" ("SuggestedId", "CompanyId")
                        SELECT {suggested}, "CompanyId" FROM "CompanySuggestions" WHERE "CompanyId" = {companyId}
                        """, token);
                }
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>The directory's version, read before computing suggestions to store (<see cref="SaveAsync"/>).</summary>
    public Task<long> BasisAsync(CancellationToken cancellationToken = default) => CompanyDirectory.VersionOf(db, cancellationToken);

    /// <summary>
    /// Up to <paramref name="most"/> companies after <paramref name="after"/>, by id, whose suggestions are not stored or
    /// were computed before <paramref name="computedBefore"/>.
    /// </summary>
    public Task<List<int>> DueAsync(int after, DateTime computedBefore, int most, CancellationToken cancellationToken = default)
    {
        var before = new DateTimeOffset(DateTime.SpecifyKind(computedBefore, DateTimeKind.Utc)).ToUnixTimeSeconds();
        return db.Database.SqlQuery<int>($"""
            SELECT c."Id" AS "Value" FROM "Companies" AS c LEFT JOIN "CompanySuggestions" AS s ON s."CompanyId" = c."Id"
            WHERE c."Id" > {after} AND (s."CompanyId" IS NULL OR s."ComputedAt" < {before})
            ORDER BY c."Id" LIMIT {most}
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// JSON compressed with Brotli, after its length: 1.5 KB of JSON a company on average at 100 000 companies (the
    /// reasons repeat the same phrases), 0.4 KB compressed; a view decompresses it without allocating more than its text.
    /// </summary>
    internal static byte[] Pack(IReadOnlyList<Suggestion> suggestions)
    {
        var json = Serialize(suggestions);
        var packed = new byte[sizeof(int) + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(packed, json.Length);
        if (!BrotliEncoder.TryCompress(json, packed.AsSpan(sizeof(int)), out var written, quality: 5, window: 16))
        {
            throw new InvalidOperationException("Brotli could not compress the suggestions into its own bound.");
        }

        return packed[..(sizeof(int) + written)];
    }

    /// <summary>The stored JSON of <see cref="Pack"/>.</summary>
    internal static byte[] Unpack(byte[] packed)
    {
        var json = new byte[BinaryPrimitives.ReadInt32LittleEndian(packed)];
        if (!BrotliDecoder.TryDecompress(packed.AsSpan(sizeof(int)), json, out var written) || written != json.Length)
        {
            throw new InvalidDataException("Stored suggestions that do not decompress to their length.");
        }

        return json;
    }

    /// <summary>Suggestions as JSON (UTF-8): what the page shows, their networks by id (named when shown: <see cref="ShowAsync"/>).</summary>
    public static byte[] Serialize(IReadOnlyList<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return JsonSerializer.SerializeToUtf8Bytes(suggestions.Select(s => new StoredSuggestion
        {
            Id = s.Company.Id, Name = s.Company.Name, Commune = s.Company.Commune, Networks = [.. s.Networks.Select(n => n.Id)], Reasons = [.. s.Reasons], Score = s.Score,
        }).ToArray(), Json.StoredSuggestionArray);
    }

    // Accents and apostrophes as they are, not escaped: French phrases (the page encodes what it writes).
    private static readonly StoredJson Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>
    /// The migration's SQL: the table, the links from each suggested company to the rows that show it, and the triggers
    /// that delete the rows a change makes wrong.
    /// </summary>
    public static string CreateSql { get; } = """
        CREATE TABLE "CompanySuggestions" (
            "CompanyId" INTEGER NOT NULL PRIMARY KEY REFERENCES "Companies" ("Id") ON DELETE CASCADE,
            "ComputedAt" INTEGER NOT NULL,
            "Payload" BLOB NOT NULL);
        CREATE INDEX "IX_CompanySuggestions_ComputedAt" ON "CompanySuggestions" ("ComputedAt");
        CREATE TABLE "CompanySuggestionLinks" (
            "SuggestedId" INTEGER NOT NULL,
            "CompanyId" INTEGER NOT NULL REFERENCES "CompanySuggestions" ("CompanyId") ON DELETE CASCADE,
            PRIMARY KEY ("SuggestedId", "CompanyId")) WITHOUT ROWID;
        CREATE INDEX "IX_CompanySuggestionLinks_CompanyId" ON "CompanySuggestionLinks" ("CompanyId");
        CREATE TRIGGER "Companies_suggestions_update" AFTER UPDATE OF "Name", "Commune", "NafLabel", "Sector", "Skills", "Needs" ON "Companies" BEGIN
            DELETE FROM "CompanySuggestions" WHERE "CompanyId" = old."Id"
                OR "CompanyId" IN (SELECT "CompanyId" FROM "CompanySuggestionLinks" WHERE "SuggestedId" = old."Id");
        END;
        CREATE TRIGGER "Companies_suggestions_delete" AFTER DELETE ON "Companies" BEGIN
            DELETE FROM "CompanySuggestions" WHERE "CompanyId" IN (SELECT "CompanyId" FROM "CompanySuggestionLinks" WHERE "SuggestedId" = old."Id");
        END;
        CREATE TRIGGER "CompanyMemberships_suggestions_insert" AFTER INSERT ON "CompanyMemberships" BEGIN
            DELETE FROM "CompanySuggestions" WHERE "CompanyId" = new."CompanyId"
                OR "CompanyId" IN (SELECT "CompanyId" FROM "CompanySuggestionLinks" WHERE "SuggestedId" = new."CompanyId");
        END;
        CREATE TRIGGER "CompanyMemberships_suggestions_update" AFTER UPDATE OF "CompanyId", "NetworkId" ON "CompanyMemberships" BEGIN
            DELETE FROM "CompanySuggestions" WHERE "CompanyId" IN (old."CompanyId", new."CompanyId")
                OR "CompanyId" IN (SELECT "CompanyId" FROM "CompanySuggestionLinks" WHERE "SuggestedId" IN (old."CompanyId", new."CompanyId"));
        END;
        CREATE TRIGGER "CompanyMemberships_suggestions_delete" AFTER DELETE ON "CompanyMemberships" BEGIN
            DELETE FROM "CompanySuggestions" WHERE "CompanyId" = old."CompanyId"
                OR "CompanyId" IN (SELECT "CompanyId" FROM "CompanySuggestionLinks" WHERE "SuggestedId" = old."CompanyId");
        END;
        """;

    public static string DropSql { get; } = """
        DROP TRIGGER "CompanyMemberships_suggestions_delete";
        DROP TRIGGER "CompanyMemberships_suggestions_update";
        DROP TRIGGER "CompanyMemberships_suggestions_insert";
        DROP TRIGGER "Companies_suggestions_delete";
        DROP TRIGGER "Companies_suggestions_update";
        DROP TABLE "CompanySuggestionLinks";
        DROP TABLE "CompanySuggestions";
        """;
}

/// <summary>
/// A company's row of <c>CompanySuggestions</c>, read on one connection the process keeps open with its statement
/// prepared once (<see cref="KeptRead"/>): through EF, a view paid the raw SQL's query pipeline, a pooled connection
/// opened when the prepared reads' were busy, and the statement compiled again.
/// </summary>
public sealed class StoredSuggestionRows(PlatformConnection connection) : IDisposable
{
    private readonly KeptRead _read = new(connection, """SELECT "Payload" FROM "CompanySuggestions" WHERE "CompanyId" = $key""");

    public byte[]? Payload(int companyId) => _read.Read(companyId, reader => reader.GetFieldValue<byte[]>(0), null);

    public void Dispose() => _read.Dispose();
}

/// <summary>A suggestion as stored: what the page shows, its networks by id (their names are the directory's, read when shown).</summary>
/// <remarks>Properties set one by one, not a constructor's parameters: <c>System.Text.Json</c> reads them without gathering arguments first.</remarks>
internal sealed class StoredSuggestion
{
    [JsonPropertyName("i")]
    public int Id { get; init; }

    [JsonPropertyName("n")]
    public string Name { get; init; } = "";

    [JsonPropertyName("c")]
    public string? Commune { get; init; }

    [JsonPropertyName("w")]
    public int[] Networks { get; init; } = [];

    [JsonPropertyName("r")]
    public SuggestionReason[] Reasons { get; init; } = [];

    [JsonPropertyName("s")]
    public int Score { get; init; }
}

[JsonSerializable(typeof(StoredSuggestion[]))]
internal sealed partial class StoredJson : JsonSerializerContext;
