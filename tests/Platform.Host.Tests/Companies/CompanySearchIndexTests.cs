using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

/// <summary>
/// A directory of a few thousand companies drawn by Bogus (fixed seed) from a small vocabulary, so that frequent words match
/// more companies than a window holds: accents and capitals, a ligature, names shared by several companies, names made of the
/// searched words, and ids with gaps (every seventh company deleted).
/// </summary>
public sealed class WordsDirectoryFactory() : PlatformFactory(TestPaths.NewTempDirectory()), IAsyncLifetime
{
    public const int Drawn = 3_000;

    public static readonly string[] Vocabulary =
    [
        "Menuiserie", "menuisier", "chêne", "Châtaignier", "emballages", "emballage", "palettes", "Précision", "usinage", "usinages",
        "Nérac", "Agen", "Villeneuve-sur-Lot", "pruneaux", "Prune", "conserverie", "légumes", "Œuvre", "œnologie", "Éco-conception",
        "numérique", "logiciel", "logistique", "transport", "froid", "Frigorifique", "bois", "Boiserie", "métallerie", "Métal",
        "soudure", "traitement", "effluents", "eau", "Énergie", "solaire", "photovoltaïque", "isolation", "rénovation", "agroalimentaire",
    ];

    private static readonly string[] SharedNames = ["Atelier Chêne", "atelier chêne", "ATELIER CHÊNE", "Œuvre Commune", "Écomat", "Ecomat", "ecomat"];

    public async Task InitializeAsync()
    {
        var faker = new Faker("fr") { Random = new Randomizer(47) };
        await Services.GetRequiredService<DatabaseWriter>().ExecuteAsync(async (db, token) =>
        {
            for (var i = 0; i < Drawn; i++)
            {
                db.Companies.Add(new Company
                {
                    Name = faker.Random.Int(0, 9) switch
                    {
                        0 => faker.PickRandom(SharedNames),
                        < 4 => $"{faker.PickRandom(Vocabulary)} {faker.PickRandom(Vocabulary)} {faker.Company.CompanySuffix()}",
                        _ => faker.Company.CompanyName(),
                    },
                    Description = string.Join(' ', faker.Random.ListItems(Vocabulary, faker.Random.Int(0, 6))) + " " + faker.Lorem.Sentence(4),
                    Skills = faker.Random.Bool(0.7f) ? string.Join(", ", faker.Random.ListItems(Vocabulary, faker.Random.Int(1, 3))) : null,
                    NafLabel = faker.Random.Bool(0.8f) ? faker.PickRandom("Fabrication d'emballages en bois", "Usinage de précision", "Conserverie de légumes", "Édition de logiciels") : null,
                    Commune = faker.PickRandom("Agen", "Nérac", "Villeneuve-sur-Lot", "Marmande", "Tonneins"),
                });
            }

            await db.SaveChangesAsync(token);
            return await db.Companies.Where(c => c.Id % 7 == 0).ExecuteDeleteAsync(token);
        });
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class CompanySearchIndexTests(WordsDirectoryFactory factory) : IClassFixture<WordsDirectoryFactory>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// The queries: each word of the vocabulary as typed, lower-cased and without accents; prefixes of one to three letters;
    /// pairs; words with stop words; the shared names; words no company has.
    /// </summary>
    public static TheoryData<string> Queries() => new(QueryList);

    private static readonly string[] QueryList =
    [
        .. WordsDirectoryFactory.Vocabulary,
        "nerac", "PRECISION", "oeuvre", "oe", "b", "c", "pr", "eco", "men", "usinage de précision", "emballages en bois",
        "fabrication d'emballages", "chêne menuiserie", "bois Agen", "bois métal soudure", "traitement des effluents", "atelier chêne",
        "ATELIER", "ecomat", "écomat", "sarl", "zzzz", "bois zzzz", "lorem", "1",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Window_IsTheOneSqliteGives_InThePagesOrder(string query)
    {
        using var index = NewIndex();
        index.Read(CancellationToken.None);
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<CompanyDirectory>();
        var stems = FullTextIndex.Stems(query);
        var expected = CompanyDirectory.InPageOrder((await directory.WindowAsync(new DirectorySearch(query), stems))!, stems);

        var found = index.Find(await directory.VersionAsync(), stems, CompanyDirectory.SearchWindow + 1);

        Assert.NotNull(found);
        Assert.Equal(expected.Count, found.Count);
        Assert.Equal(expected.Ids, found.Ids);
    }

    [Fact]
    public async Task TheQueries_CoverFullWindows_EmptyOnes_AndNamesWithTheWords()
    {
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<CompanyDirectory>();
        var counts = new List<int>();
        foreach (var query in QueryList)
        {
            counts.Add((await directory.WindowAsync(new DirectorySearch(query), FullTextIndex.Stems(query)))!.Count);
        }

        Assert.Contains(CompanyDirectory.SearchWindow + 1, counts);
        Assert.Contains(0, counts);
        Assert.Contains(counts, count => count is > 20 and <= CompanyDirectory.SearchWindow);
        var gaps = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.CountAsync(c => c.Id % 7 == 0);
        Assert.Equal(0, gaps);
    }

    [Fact]
    public async Task TheSearch_ReadsTheIndex_ThenFindsItsWindowThere_WithTheSameResults()
    {
        var index = factory.Services.GetRequiredService<CompanySearchIndex>();
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<CompanyDirectory>();
        var search = new DirectorySearch("bois chêne", Page: 2, PageSize: 10);

        var first = await directory.SearchAsync(search);
        await index.Reading;
        var served = index.Served;
        var again = await directory.SearchAsync(search);

        Assert.True(index.Readings >= 1);
        Assert.Equal(served + 1, index.Served);
        Assert.Equal(10, again.Companies.Items.Count);
        Assert.Equal(first.Companies.Items, again.Companies.Items);
        Assert.Equal((first.Companies.Total, first.Companies.More), (again.Companies.Total, again.Companies.More));
    }

    [Fact]
    public async Task AfterAChange_TheIndexIsNotUsed_UntilReadAgain_AtMostOnceEveryReadEvery()
    {
        using var index = NewIndex();
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var stems = FullTextIndex.Stems("xylophonie");
        var version = Version();

        Assert.Null(index.Find(version, stems, CompanyDirectory.SearchWindow + 1));
        await index.Reading;
        Assert.Equal(1, index.Readings);
        Assert.Equal(0, index.Find(version, stems, CompanyDirectory.SearchWindow + 1)!.Count);

        var id = await writer.ExecuteAsync(async (db, ct) =>
        {
            var company = db.Companies.Add(new Company { Name = "Xylophonie Gasconne", Skills = "lutherie" }).Entity;
            await db.SaveChangesAsync(ct);
            return company.Id;
        });
        try
        {
            // Newer than the index: the caller asks SQLite; no second reading within ReadEvery of the first.
            Assert.Null(index.Find(Version(), stems, CompanyDirectory.SearchWindow + 1));
            await index.Reading;
            Assert.Equal(1, index.Readings);

            _clock.Advance(CompanySearchIndex.ReadEvery);
            Assert.Null(index.Find(Version(), stems, CompanyDirectory.SearchWindow + 1));
            await index.Reading;
            Assert.Equal(2, index.Readings);
            Assert.Equal([id], index.Find(Version(), stems, CompanyDirectory.SearchWindow + 1)!.Ids);
            Assert.Equal([id], index.Find(Version(), FullTextIndex.Stems("LUTHERIE gasconne"), CompanyDirectory.SearchWindow + 1)!.Ids);

            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, "Vibraphonie Gasconne"), ct));
            _clock.Advance(CompanySearchIndex.ReadEvery);
            Assert.Null(index.Find(Version(), stems, CompanyDirectory.SearchWindow + 1));
            await index.Reading;
            Assert.Empty(index.Find(Version(), stems, CompanyDirectory.SearchWindow + 1)!.Ids);
            Assert.Equal([id], index.Find(Version(), FullTextIndex.Stems("vibraphonie"), CompanyDirectory.SearchWindow + 1)!.Ids);
        }
        finally
        {
            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == id).ExecuteDeleteAsync(ct));
        }

        _clock.Advance(CompanySearchIndex.ReadEvery);
        Assert.Null(index.Find(Version(), FullTextIndex.Stems("vibraphonie"), CompanyDirectory.SearchWindow + 1));
        await index.Reading;
        Assert.Equal(0, index.Find(Version(), FullTextIndex.Stems("vibraphonie"), CompanyDirectory.SearchWindow + 1)!.Count);
        Assert.Equal(4, index.Readings);
    }

    [Fact]
    public async Task ManySearchesAfterAChange_StartOneReading()
    {
        using var index = NewIndex();
        var version = Version();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => index.Find(version, ["bois"], CompanyDirectory.SearchWindow + 1))));
        await index.Reading;

        Assert.Equal(1, index.Readings);
        Assert.NotNull(index.Find(version, ["bois"], CompanyDirectory.SearchWindow + 1));
    }

    [Fact]
    public async Task Off_TheIndexIsNeverRead()
    {
        using var index = new CompanySearchIndex(
            factory.Services.GetRequiredService<PlatformConnection>(), Options.Create(new DirectorySearchOptions { WordsInMemory = false }), _clock, NullLogger<CompanySearchIndex>.Instance);

        Assert.Null(index.Find(Version(), ["bois"], CompanyDirectory.SearchWindow + 1));
        await index.Reading;
        Assert.Equal(0, index.Readings);
    }

    [Fact]
    public async Task AReadingThatFails_LeavesTheSearchesToSqlite()
    {
        var empty = Path.Combine(TestPaths.NewTempDirectory(), "empty.db");
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        using var index = new CompanySearchIndex(
            new PlatformConnection($"Data Source={empty}"), Options.Create(new DirectorySearchOptions()), _clock, loggers.CreateLogger<CompanySearchIndex>());

        Assert.Null(index.Find(1, ["bois"], CompanyDirectory.SearchWindow + 1));
        await index.Reading;

        Assert.Equal(0, index.Readings);
        Assert.Null(index.Find(1, ["bois"], CompanyDirectory.SearchWindow + 1));
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("not read", StringComparison.Ordinal));
    }

    private CompanySearchIndex NewIndex() => new(
        factory.Services.GetRequiredService<PlatformConnection>(), Options.Create(new DirectorySearchOptions()), _clock, NullLogger<CompanySearchIndex>.Instance);

    private long Version() => factory.Services.GetRequiredService<DirectoryVersionReader>().Read();
}
