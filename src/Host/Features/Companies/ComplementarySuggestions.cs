using System.Data.Common;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>A suggested company, the networks it is in (none shared with the company it is suggested to) and why.</summary>
/// <remarks>Kept for thousands of companies (<see cref="SuggestionsCache"/>): what the page shows, no more.</remarks>
public sealed record Suggestion(SuggestedCompany Company, IReadOnlyList<NetworkInfo> Networks, IReadOnlyList<SuggestionReason> Reasons, int Score);

/// <summary>What the page shows of a suggested company.</summary>
public sealed record SuggestedCompany(int Id, string Name, string? Commune);

/// <summary>A reason to suggest a company, as its phrases: the page words it (a sentence each would be kept for every suggestion).</summary>
/// <param name="Theirs">The suggested company's: a skill, its activity, a need, its sector.</param>
/// <param name="Yours">The viewed company's phrase it answers (a need, a need, a skill); none for the sector.</param>
/// <remarks>Stored as JSON for each suggestion of every company (<see cref="SuggestionsStore"/>): its names are short.</remarks>
public sealed record SuggestionReason(
    [property: JsonPropertyName("k")] SuggestionReasonKind Kind,
    [property: JsonPropertyName("t")] string Theirs,
    [property: JsonPropertyName("y")] string? Yours = null)
{
    // Read from JSON property by property: through the positional constructor, System.Text.Json gathers its arguments first (its slowest path).
    [JsonConstructor]
    internal SuggestionReason()
        : this(default, "")
    {
    }
}

public enum SuggestionReasonKind
{
    /// <summary>« Propose « skill », qui répond à votre besoin « need ». »</summary>
    Offers,

    /// <summary>« Son activité, « activity », répond à votre besoin « need ». »</summary>
    ActivityAnswers,

    /// <summary>« Recherche « need », que vous proposez (« skill »). »</summary>
    Seeks,

    /// <summary>« Une autre filière : sector. »</summary>
    OtherSector,
}

/// <summary>
/// « Entreprises complémentaires dans d'autres réseaux »: companies that share no network with this one,
/// ranked by how well their skills answer its needs (and its skills answer theirs). Candidates come from
/// the full-text indexes (the words of the needs against the skills' and the NAF labels' index, the words
/// of the skills against the needs'), never from a scan nor from a ranking of every match; the reasons are
/// computed on those few hundred candidates.
/// </summary>
public sealed class ComplementarySuggestions(PlatformDbContext db, SuggestionsCache cache, SuggestionsStore store, SuggestionsRefresher refresher, INetworkDirectory networks)
{
    // Candidates a phrase brings: companies with every word of it, then companies with one of its words.
    // A few dozen a phrase are enough to find six good suggestions, and the index stops there instead of
    // ranking every company that shares a frequent word (thousands, at 100 000 companies).
    private const int WholePhraseCandidates = 30;
    private const int OneWordCandidates = 8;
    private const int PhrasesPerSide = 8;

    // A phrase is a few words, but a profile may hold 2 000 characters without a comma: the searches stay
    // few and short (FTS5 refuses an expression deeper than 256 terms, SQLite a UNION of more than 500).
    private const int WordsPerPhrase = 6;
    private const int WordsPerSide = 24;

    public const int Shown = 6;

    /// <summary>
    /// The <see cref="Shown"/> best suggestions for the company: from <see cref="SuggestionsCache"/> when it has them, else
    /// as stored (<see cref="SuggestionsStore"/>), else computed now and offered to <see cref="SuggestionsRefresher"/> to store.
    /// </summary>
    public async Task<IReadOnlyList<Suggestion>> ForAsync(int companyId, CancellationToken cancellationToken = default)
    {
        if (cache.Find(companyId) is { } kept)
        {
            return await store.ShowAsync(kept, cancellationToken);
        }

        if (store.Read(companyId) is { } stored)
        {
            cache.Keep(companyId, stored);
            return await store.ShowAsync(stored, cancellationToken);
        }

        var basis = await store.BasisAsync(cancellationToken);
        var computed = await ComputeAsync(companyId, Shown, cancellationToken);
        refresher.Offer(companyId, basis, computed);
        cache.Keep(companyId, SuggestionsStore.Serialize(computed));
        return computed;
    }

    /// <summary>The <paramref name="take"/> best suggestions, computed now: three statements on one opening of the connection.</summary>
    public Task<IReadOnlyList<Suggestion>> ComputeAsync(int companyId, int take, CancellationToken cancellationToken = default) =>
        db.Database.ReadAsync(() => ReadAndRankAsync(companyId, take, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<Suggestion>> ReadAndRankAsync(int companyId, int take, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new { c.Sector, c.Skills, c.Needs })
            .FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return [];
        }

        var needs = Company.Phrases(company.Needs);
        var skills = Company.Phrases(company.Skills);
        var needWords = needs.Take(PhrasesPerSide).Select(SearchedStems).ToList();
        var skillWords = skills.Take(PhrasesPerSide).Select(SearchedStems).ToList();
        var hits = FullTextIndex.CompaniesWithWords(
        [
            new WordSearch("Skills", needWords, WholePhraseCandidates),
            new WordSearch("Skills", OneByOne(needWords.Where(p => p.Count > 1)), OneWordCandidates),
            new WordSearch("NafLabel", OneByOne(needWords), WholePhraseCandidates),
            new WordSearch("Needs", skillWords, WholePhraseCandidates),
            new WordSearch("Needs", OneByOne(skillWords.Where(p => p.Count > 1)), OneWordCandidates),
        ]);
        if (hits is null)
        {
            return [];
        }

        var candidates = await CandidatesAsync(companyId, hits.Value, cancellationToken);

        // Each phrase is cut into stems once, not once per pair compared (hundreds of candidates × their phrases).
        var stems = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> StemsOf(string phrase) => stems.TryGetValue(phrase, out var known) ? known : stems[phrase] = Stems(phrase);
        double FitOf(string need, string offer) => Fit(StemsOf(need), StemsOf(offer));
        (string? Phrase, double Fit) Best(string phrase, IReadOnlyList<string> others, bool reverse = false)
        {
            // The first of the best: a loop, not a sort, for each of thousands of pairs.
            (string? Phrase, double Fit) best = (null, 0);
            foreach (var other in others)
            {
                var fit = reverse ? FitOf(other, phrase) : FitOf(phrase, other);
                if (fit > best.Fit)
                {
                    best = (other, fit);
                }
            }

            return best;
        }

        var ranked = new List<(Candidate Candidate, IReadOnlyList<SuggestionReason> Reasons, int Score)>();
        foreach (var candidate in candidates)
        {
            var reasons = new List<SuggestionReason>();
            var score = 0;
            foreach (var need in needs)
            {
                var (skill, fit) = Best(need, candidate.Skills);
                if (skill is not null)
                {
                    reasons.Add(new SuggestionReason(SuggestionReasonKind.Offers, skill, need));
                    score += (int)Math.Round(6 * fit);
                }
                else if (candidate.NafLabel is { } activity && FitOf(need, activity) is >= 0.5 and var sectorFit)
                {
                    // Its sector answers the need even where its listed skills do not say so.
                    reasons.Add(new SuggestionReason(SuggestionReasonKind.ActivityAnswers, activity, need));
                    score += (int)Math.Round(4 * sectorFit);
                }
            }

            foreach (var skill in skills)
            {
                var (need, fit) = Best(skill, candidate.Needs, reverse: true);
                if (need is not null)
                {
                    reasons.Add(new SuggestionReason(SuggestionReasonKind.Seeks, need, skill));
                    score += (int)Math.Round(4 * fit);
                }
            }

            if (score == 0)
            {
                continue;
            }

            if (candidate.Sector is not null && candidate.Sector != company.Sector)
            {
                reasons.Add(new SuggestionReason(SuggestionReasonKind.OtherSector, candidate.Sector));
                score += 1;
            }

            ranked.Add((candidate, reasons, score));
        }

        var best = ranked.OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.Name, StringComparer.Ordinal).Take(take).ToList();
        if (best.Count == 0)
        {
            return [];
        }

        var bestIds = best.Select(s => s.Candidate.Id).ToList();
        var memberships = await db.CompanyMemberships.AsNoTracking().Where(m => bestIds.Contains(m.CompanyId))
            .Select(m => new { m.CompanyId, m.NetworkId })
            .ToListAsync(cancellationToken);
        var suggestions = new List<Suggestion>(best.Count);
        foreach (var (suggested, reasons, score) in best)
        {
            var theirs = new List<NetworkInfo>();
            foreach (var membership in memberships.Where(m => m.CompanyId == suggested.Id))
            {
                if (await networks.FindAsync(membership.NetworkId, cancellationToken) is { } network)
                {
                    theirs.Add(network);
                }
            }

            suggestions.Add(new Suggestion(
                new SuggestedCompany(suggested.Id, suggested.Name, suggested.Commune), [.. theirs.OrderBy(n => n.Name, StringComparer.Ordinal)], reasons, score));
        }

        return suggestions;
    }

    /// <summary>
    /// The companies the searches found that are in a network, none of them the company's: one statement,
    /// the searches' ids and the companies' rows, with the columns the ranking and the page use.
    /// </summary>
    private async Task<List<Candidate>> CandidatesAsync(int companyId, (string Sql, IReadOnlyList<string> Matches) hits, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"""
            SELECT c."Id", c."Name", c."Commune", c."NafLabel", c."Sector", c."Skills", c."Needs"
            FROM "Companies" AS c
            WHERE c."Id" IN ({hits.Sql}) AND c."Id" <> @company
              AND EXISTS (SELECT 1 FROM "CompanyMemberships" AS m WHERE m."CompanyId" = c."Id")
              AND NOT EXISTS (
                  SELECT 1 FROM "CompanyMemberships" AS m
                  INNER JOIN "CompanyMemberships" AS mine ON mine."NetworkId" = m."NetworkId" AND mine."CompanyId" = @company
                  WHERE m."CompanyId" = c."Id")
            """;
        AddParameter(command, "@company", companyId);
        for (var i = 0; i < hits.Matches.Count; i++)
        {
            AddParameter(command, $"@w{i}", hits.Matches[i]);
        }

        var candidates = new List<Candidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
            candidates.Add(new Candidate(reader.GetInt32(0), reader.GetString(1), Text(2), Text(3), Text(4), Company.Phrases(Text(5)), Company.Phrases(Text(6))));
        }

        return candidates;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private sealed record Candidate(int Id, string Name, string? Commune, string? NafLabel, string? Sector, IReadOnlyList<string> Skills, IReadOnlyList<string> Needs);

    /// <summary>Each word of the phrases as a group of its own, <see cref="WordsPerSide"/> at most.</summary>
    private static IReadOnlyCollection<string>[] OneByOne(IEnumerable<IReadOnlyCollection<string>> phrases) =>
        [.. phrases.SelectMany(p => p).Distinct(StringComparer.Ordinal).Take(WordsPerSide).Select(w => (IReadOnlyCollection<string>)[w])];

    /// <summary>The stems a phrase is searched by: its first <see cref="WordsPerPhrase"/>.</summary>
    private static IReadOnlyCollection<string> SearchedStems(string phrase) => [.. Stems(phrase).Take(WordsPerPhrase)];

    /// <summary>
    /// How well phrase <paramref name="offer"/> answers <paramref name="need"/>: the share of the need's
    /// significant words (compared by stem: « emballage » ~ « emballages ») that the offer has, 0 to 1.
    /// </summary>
    public static double Fit(string need, string offer) => Fit(Stems(need), Stems(offer));

    private static double Fit(HashSet<string> wanted, HashSet<string> offered)
    {
        if (wanted.Count == 0)
        {
            return 0;
        }

        var found = 0;
        foreach (var stem in wanted)
        {
            if (offered.Contains(stem))
            {
                found++;
            }
        }

        return found / (double)wanted.Count;
    }

    public static bool Matches(string need, string offer) => Fit(need, offer) > 0;

    private static HashSet<string> Stems(string phrase) =>
        FullTextIndex.Words(phrase).Where(w => w.Length >= 4 && !FullTextIndex.StopWords.Contains(w) && !Generic.Contains(w)).Select(FullTextIndex.Stem).ToHashSet(StringComparer.Ordinal);

    // Words too common in skills and needs to say two companies fit.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "gestion", "production", "services", "conseil", "formation" };
}
