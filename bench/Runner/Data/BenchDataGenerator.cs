using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Platform.Abstractions.Networks;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Companies.Demo;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Networks;

namespace Platform.Bench.Runner.Data;

/// <summary>
/// Fills a database the host has just migrated (so the schema, indexes and FTS5 triggers are the
/// host's own) with generated data: Bogus fr, fixed seed, raw ADO.NET in one transaction. Networks
/// start with the founding brief's; companies borrow the skills and needs of the host's demo companies.
/// </summary>
public static class BenchDataGenerator
{
    public const string MemberPassword = "banc d'essai de la plateforme 47";

    /// <summary>The network the bench members belong to, the gate plugin is enabled for and the bench queue is organised by.</summary>
    public const int BenchNetworkId = 1;

    public static BenchData Fill(string databasePath, int companyCount, BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var faker = new Faker("fr") { Random = new Randomizer(4747) };
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA synchronous=OFF;");
        using var transaction = connection.BeginTransaction();
        var context = new GeneratorContext(connection, transaction, faker, DateTime.UtcNow);

        var networks = InsertNetworks(context, settings.Networks);
        var companies = CompanyGenerator.Insert(context, companyCount, networks.Count);
        var emails = InsertMembers(context, Math.Min(BenchSettings.PledgingMembers, companyCount));
        var events = ActivityGenerator.InsertEvents(context, settings.Events, networks);
        var queues = ActivityGenerator.InsertQueues(context, settings.Queues, networks.Count, companies.MembersOf);
        transaction.Commit();
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");

        // The company page's ids, and the others in a random order: pages not viewed yet, which compute their suggestions.
        var companyIds = Sample(faker, Enumerable.Range(1, companyCount).ToList(), Math.Min(1000, companyCount / 2));
        var unviewed = faker.Random.Shuffle(Enumerable.Range(1, companyCount).Except(companyIds)).ToList();
        return new BenchData(
            companyCount,
            networks[BenchNetworkId - 1].Slug,
            queues.PledgeQueueId,
            emails,
            companyIds,
            unviewed,
            Sample(faker, events, 1000),
            Sample(faker, networks.Select(n => n.Slug).ToList(), 200),
            queues.MemberQueueIds,
            companies.SearchQueries);
    }

    private static List<(string Slug, string Name)> InsertNetworks(GeneratorContext context, int count)
    {
        var faker = context.Faker;
        var skills = DirectoryDemoData.Companies.SelectMany(c => Company.Phrases(c.Skills)).Distinct(StringComparer.Ordinal).ToList();
        var networks = DemoNetworks.All.ToList();
        var slugs = networks.Select(n => n.Slug).ToHashSet(StringComparer.Ordinal);
        while (networks.Count < count)
        {
            var commune = faker.Pick(LotEtGaronneCommunes.All).Name;
            var skill = faker.PickRandom(skills);
            var region = faker.Pick(FrenchCatalog.Regions);
            var (name, kind, description) = faker.Random.Int(0, 3) switch
            {
                0 => ($"Club d'entreprises de {commune}", NetworkKind.Club, $"Les dirigeants de {commune} et des communes voisines."),
                1 => ($"Cluster {Capitalize(skill)} {region}", NetworkKind.Cluster, $"Cluster 47 : {skill}."),
                2 => ($"Groupement {faker.Pick(NafCatalog.Sectors).ToLowerInvariant()} {region}", NetworkKind.SectorGrouping, "Groupement industriel de filière animé par la CCI."),
                _ => ($"Réseau {skill} de {commune}", NetworkKind.Group, $"Entreprises de {commune} autour de : {skill}."),
            };
            var slug = NetworkSlug.From(name);
            slug = slug.Length <= 80 ? slug : slug[..80].TrimEnd('-');
            if (slugs.Add(slug))
            {
                networks.Add((slug, name, kind, description));
            }
        }

        using var insert = context.Bulk("Networks", "Id", "Slug", "Name", "Kind", "Description", "Labels", "AnimatorName", "AnimatorEmail", "AnimatorPhone");
        for (var i = 0; i < networks.Count; i++)
        {
            var (slug, name, kind, description) = networks[i];
            insert.Insert(i + 1, slug, name, (int)kind, description, DirectoryDemoData.NetworkDetails(slug).Labels,
                faker.Name.FullName(), DemoSeeder.AnimatorEmail(slug), faker.Phone.PhoneNumber("05 53 ## ## ##"));
        }

        return networks.Select(n => (n.Slug, n.Name)).ToList();
    }

    /// <summary>Member accounts of companies 1…n (members of the bench network), with one password.</summary>
    private static List<string> InsertMembers(GeneratorContext context, int count)
    {
        var hash = new PasswordHasher<User>().HashPassword(new User(), MemberPassword);
        var emails = new List<string>();
        using var insert = context.Bulk("AspNetUsers", "Id", "DisplayName", "CompanyId", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
            "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount");
        for (var companyId = 1; companyId <= count; companyId++)
        {
            var email = $"membre{companyId}@banc.interclustering47.fr";
            insert.Insert(Guid.NewGuid().ToString(), context.Faker.Name.FullName(), companyId, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(),
                1, hash, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), 0, 0, 1, 0);
            emails.Add(email);
        }

        return emails;
    }

    private static List<T> Sample<T>(Faker faker, IReadOnlyList<T> items, int count) =>
        items.Count <= count ? [.. items] : faker.PickRandom(items, count).ToList();

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The open connection, transaction, random source and clock of one generation.</summary>
public sealed record GeneratorContext(SqliteConnection Connection, SqliteTransaction Transaction, Faker Faker, DateTime NowUtc)
{
    public SqliteBulk Bulk(string table, params string[] columns) => new(Connection, Transaction, table, columns);
}

public static class FakerExtensions
{
    /// <summary>One item of a read-only list (Bogus' PickRandom would take the list itself as a params array).</summary>
    public static T Pick<T>(this Faker faker, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(faker);
        ArgumentNullException.ThrowIfNull(items);
        return items[faker.Random.Int(0, items.Count - 1)];
    }
}
