using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>A suggested company, the networks it is in (none shared with the company it is suggested to) and why.</summary>
public sealed record Suggestion(CompanyListItem Company, IReadOnlyList<(string Slug, string Name)> Networks, IReadOnlyList<string> Reasons, int Score);

/// <summary>
/// « Entreprises complémentaires dans d'autres réseaux »: companies that share no network with this one,
/// ranked by how well their skills answer its needs (and its skills answer theirs). Candidates come from
/// the full-text index (the words of the needs against the skills column, and the reverse), never from a
/// scan nor from a ranking of every match; the reasons are computed on those few hundred candidates.
/// </summary>
public sealed class ComplementarySuggestions(PlatformDbContext db, SuggestionsCache cache)
{
    // Candidates a phrase brings: companies with every word of it, then companies with one of its words.
    // A few dozen a phrase are enough to find six good suggestions, and the index stops there instead of
    // ranking every company that shares a frequent word (thousands, at 100 000 companies).
    private const int WholePhraseCandidates = 30;
    private const int OneWordCandidates = 8;
    private const int PhrasesPerSide = 8;

    public const int Shown = 6;

    /// <summary>The <see cref="Shown"/> best suggestions for the company, from <see cref="SuggestionsCache"/> when it has them.</summary>
    public Task<IReadOnlyList<Suggestion>> ForAsync(int companyId, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(companyId, () => ComputeAsync(companyId, Shown, cancellationToken));

    /// <summary>The <paramref name="take"/> best suggestions, computed now.</summary>
    public async Task<IReadOnlyList<Suggestion>> ComputeAsync(int companyId, int take, CancellationToken cancellationToken = default)
    {
        var company = await db.Companies.AsNoTracking().Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return [];
        }

        var mine = company.Memberships.Select(m => m.NetworkId).ToList();
        var needs = company.NeedList;
        var skills = company.SkillList;
        var needWords = needs.Take(PhrasesPerSide).Select(Stems).ToList();
        var skillWords = skills.Take(PhrasesPerSide).Select(Stems).ToList();
        var ids = new HashSet<int>();
        foreach (var hits in new[]
                 {
                     FullTextIndex.CompaniesWithWords(db, "Skills", needWords, WholePhraseCandidates),
                     FullTextIndex.CompaniesWithWords(db, "Skills", OneByOne(needWords.Where(p => p.Count > 1)), OneWordCandidates),
                     FullTextIndex.CompaniesWithWords(db, "NafLabel", OneByOne(needWords), WholePhraseCandidates),
                     FullTextIndex.CompaniesWithWords(db, "Needs", skillWords, WholePhraseCandidates),
                     FullTextIndex.CompaniesWithWords(db, "Needs", OneByOne(skillWords.Where(p => p.Count > 1)), OneWordCandidates),
                 })
        {
            if (hits is not null)
            {
                ids.UnionWith(await hits.ToListAsync(cancellationToken));
            }
        }

        ids.Remove(companyId);
        if (ids.Count == 0)
        {
            return [];
        }

        var candidates = await db.Companies.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Memberships.Any() && !c.Memberships.Any(m => mine.Contains(m.NetworkId)))
            .Include(c => c.Memberships).ThenInclude(m => m.Network)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // Each phrase is cut into stems once, not once per pair compared (hundreds of candidates × their phrases).
        var stems = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> StemsOf(string phrase) => stems.TryGetValue(phrase, out var known) ? known : stems[phrase] = Stems(phrase);
        double FitOf(string need, string offer) => Fit(StemsOf(need), StemsOf(offer));
        (string? Phrase, double Fit) Best(string phrase, IReadOnlyList<string> others, bool reverse = false)
        {
            var best = others.Select(o => (Phrase: o, Fit: reverse ? FitOf(o, phrase) : FitOf(phrase, o))).Where(x => x.Fit > 0).OrderByDescending(x => x.Fit).FirstOrDefault();
            return best.Phrase is null ? (null, 0) : best;
        }

        var suggestions = new List<Suggestion>();
        foreach (var candidate in candidates)
        {
            var reasons = new List<string>();
            var score = 0;
            foreach (var need in needs)
            {
                var (skill, fit) = Best(need, candidate.SkillList);
                if (skill is not null)
                {
                    reasons.Add($"Propose « {skill} », qui répond à votre besoin « {need} ».");
                    score += (int)Math.Round(6 * fit);
                }
                else if (candidate.NafLabel is { } activity && FitOf(need, activity) is >= 0.5 and var sectorFit)
                {
                    // Its sector answers the need even where its listed skills do not say so.
                    reasons.Add($"Son activité, « {activity} », répond à votre besoin « {need} ».");
                    score += (int)Math.Round(4 * sectorFit);
                }
            }

            foreach (var skill in skills)
            {
                var (need, fit) = Best(skill, candidate.NeedList, reverse: true);
                if (need is not null)
                {
                    reasons.Add($"Recherche « {need} », que vous proposez (« {skill} »).");
                    score += (int)Math.Round(4 * fit);
                }
            }

            if (score == 0)
            {
                continue;
            }

            if (candidate.Sector is not null && candidate.Sector != company.Sector)
            {
                reasons.Add($"Une autre filière : {candidate.Sector}.");
                score += 1;
            }

            suggestions.Add(new Suggestion(
                new CompanyListItem(candidate.Id, candidate.Name, candidate.NafCode, candidate.NafLabel, candidate.Sector, candidate.Commune, candidate.PostalCode, candidate.Headcount, candidate.Description),
                candidate.Memberships.Select(m => (m.Network!.Slug, m.Network.Name)).OrderBy(n => n.Name, StringComparer.Ordinal).ToList(),
                reasons,
                score));
        }

        return suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.Company.Name, StringComparer.Ordinal).Take(take).ToList();
    }

    /// <summary>Each word of the phrases as a group of its own.</summary>
    private static IReadOnlyCollection<string>[] OneByOne(IEnumerable<HashSet<string>> phrases) =>
        [.. phrases.SelectMany(p => p).Distinct(StringComparer.Ordinal).Select(w => (IReadOnlyCollection<string>)[w])];

    /// <summary>
    /// How well phrase <paramref name="offer"/> answers <paramref name="need"/>: the share of the need's
    /// significant words (compared by stem: « emballage » ~ « emballages ») that the offer has, 0 to 1.
    /// </summary>
    public static double Fit(string need, string offer) => Fit(Stems(need), Stems(offer));

    private static double Fit(HashSet<string> wanted, HashSet<string> offered) =>
        wanted.Count == 0 ? 0 : wanted.Count(offered.Contains) / (double)wanted.Count;

    public static bool Matches(string need, string offer) => Fit(need, offer) > 0;

    private static HashSet<string> Stems(string phrase) =>
        FullTextIndex.Words(phrase).Where(w => w.Length >= 4 && !FullTextIndex.StopWords.Contains(w) && !Generic.Contains(w)).Select(FullTextIndex.Stem).ToHashSet(StringComparer.Ordinal);

    // Words too common in skills and needs to say two companies fit.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "gestion", "production", "services", "conseil", "formation" };
}
