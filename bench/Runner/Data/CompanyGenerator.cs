using System.Globalization;
using System.Text;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Companies.Demo;
using Platform.Host.Features.Networks;

namespace Platform.Bench.Runner.Data;

/// <summary>The generated companies: who belongs to which network, and what a user would search for.</summary>
public sealed record GeneratedCompanies(IReadOnlyList<List<int>> MembersOf, IReadOnlyList<string> SearchQueries);

/// <summary>
/// Member companies: a trade and a French surname (or a region), a NAF code of the host's catalog, a
/// commune of Lot-et-Garonne, and the skills, needs and pitch of a demo company of the same trade.
/// Rows go through the FTS5 triggers, as the host's own inserts do.
/// </summary>
public static class CompanyGenerator
{
    public static GeneratedCompanies Insert(GeneratorContext context, int count, int networkCount)
    {
        ArgumentNullException.ThrowIfNull(context);
        var faker = context.Faker;
        var templates = DirectoryDemoData.Companies;
        var templatesByNaf = templates.GroupBy(t => t.NafCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var membersOf = Enumerable.Range(0, networkCount).Select(_ => new List<int>()).ToList();
        string? firstName = null;

        using var companies = context.Bulk("Companies", "Id", "Name", "Siren", "Siret", "NafCode", "NafLabel", "Sector", "Commune", "PostalCode",
            "Headcount", "Description", "Skills", "Needs", "Website", "ContactName", "ContactEmail", "ContactPhone", "UpdatedAt");
        using var memberships = context.Bulk("CompanyMemberships", "CompanyId", "NetworkId", "Since", "Role");
        for (var id = 1; id <= count; id++)
        {
            var (naf, trade) = faker.Pick(FrenchCatalog.Trades);
            var template = templatesByNaf.TryGetValue(naf, out var same) ? faker.PickRandom(same) : faker.Pick(templates);
            var (commune, postalCode) = faker.Pick(LotEtGaronneCommunes.All);
            var surname = faker.Name.LastName();
            var name = faker.Random.Int(0, 9) switch
            {
                < 6 => $"{trade} {surname}",
                < 8 => $"{surname} {faker.Pick(FrenchCatalog.LegalForms)}",
                _ => $"{trade} {faker.Pick(FrenchCatalog.Regions)}",
            };
            firstName ??= name;
            var label = NafCatalog.LabelOf(naf);
            var skills = Company.Phrases(template.Skills).Append(faker.Pick(Company.Phrases(faker.Pick(templates).Skills))).Distinct(StringComparer.Ordinal);
            var pitch = template.Description.IndexOf(". ", StringComparison.Ordinal) is var dot and > 0 ? template.Description[(dot + 2)..] : template.Description;
            var siren = Identifier(id);
            var siret = siren + "0001" + BusinessIdentifiers.CheckDigit(siren + "0001");
            var contactFirst = faker.Name.FirstName();
            var contactLast = faker.Name.LastName();
            var domain = NetworkSlug.From(name);
            companies.Insert(id, name, siren, siret, naf, label, NafCatalog.SectorOf(naf), commune, postalCode,
                Math.Max(1, (int)Math.Round(Math.Exp(faker.Random.Double(0, 5.5)))), $"{label} à {commune}. {pitch}",
                string.Join(", ", skills), template.Needs, $"https://www.{domain}.fr", $"{contactFirst} {contactLast}",
                $"{NetworkSlug.From(contactFirst)}.{NetworkSlug.From(contactLast)}@{domain}.fr", faker.Phone.PhoneNumber("05 53 ## ## ##"),
                SqliteBulk.Date(context.NowUtc.AddDays(-faker.Random.Int(0, 900))));

            foreach (var network in Networks(context, id, networkCount))
            {
                memberships.Insert(id, network + 1, SqliteBulk.Day(new DateOnly(faker.Random.Int(2004, 2025), faker.Random.Int(1, 12), faker.Random.Int(1, 28))), "membre");
                membersOf[network].Add(id);
            }
        }

        return new GeneratedCompanies(membersOf, SearchQueries(firstName!));
    }

    /// <summary>One to three networks; the bench members' companies (the first ones) are in the bench network.</summary>
    private static HashSet<int> Networks(GeneratorContext context, int companyId, int networkCount)
    {
        var random = context.Faker.Random;
        var count = 1 + (random.Bool(0.35f) ? 1 : 0) + (random.Bool(0.1f) ? 1 : 0);
        var networks = new HashSet<int>();
        if (companyId <= BenchSettings.PledgingMembers)
        {
            networks.Add(BenchDataGenerator.BenchNetworkId - 1);
        }

        while (networks.Count < count)
        {
            networks.Add(random.Int(0, networkCount - 1));
        }

        return networks;
    }

    /// <summary>A valid, unique SIREN: an 8-digit body from the id, and its Luhn check digit.</summary>
    private static string Identifier(int id)
    {
        var body = (30_000_000 + id).ToString(CultureInfo.InvariantCulture);
        return body + BusinessIdentifiers.CheckDigit(body);
    }

    /// <summary>A name, a skill, a commune, a NAF label: each with its accents and without, as people type them.</summary>
    private static List<string> SearchQueries(string companyName)
    {
        string[] accented = [companyName, "usinage de précision", "Nérac", "Villeneuve-sur-Lot", NafCatalog.LabelOf("16.24Z")!, "traitement des effluents"];
        return accented.SelectMany(q => (string[])[q, WithoutAccents(q).ToLowerInvariant()]).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string WithoutAccents(string text) =>
        new(text.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
}
