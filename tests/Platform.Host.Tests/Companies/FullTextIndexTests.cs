using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Directory;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

[Collection(SharedHost.Name)]
public sealed class FullTextIndexTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Index_FollowsInsertRenameAndDelete()
    {
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var id = await writer.ExecuteAsync(async (db, ct) =>
        {
            var company = db.Companies.Add(new Company { Name = "Xylophonie Gasconne", Skills = "lutherie, marqueterie" }).Entity;
            await db.SaveChangesAsync(ct);
            return company.Id;
        });
        Assert.Equal([id], await SearchAsync("xylophonie"));
        Assert.Equal([id], await SearchAsync("MARQUETERIE"));

        await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Name, "Vibraphonie Gasconne"), ct));
        Assert.Empty(await SearchAsync("xylophonie"));
        Assert.Equal([id], await SearchAsync("vibraphonie"));

        await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == id).ExecuteDeleteAsync(ct));
        Assert.Empty(await SearchAsync("vibraphonie"));
        Assert.Empty(await SearchAsync("marqueterie"));
    }

    [Fact]
    public async Task SuggestionIndexes_FollowInsertSkillsChangeAndDelete()
    {
        var reason = new SuggestionReason(SuggestionReasonKind.Offers, "zythologie lunaire artisanale", "zythologie lunaire");
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var (seeker, offerer) = await writer.ExecuteAsync(async (db, ct) =>
        {
            var networks = await db.Networks.Where(n => n.Slug == "inoo" || n.Slug == "pain-bio-local").OrderBy(n => n.Slug).Select(n => n.Id).ToListAsync(ct);
            var seeker = new Company { Name = "Brasserie des Lunes", Needs = "zythologie lunaire" };
            var offerer = new Company { Name = "Atelier Zythos", Skills = "zythologie lunaire artisanale" };
            seeker.Memberships.Add(new CompanyMembership { NetworkId = networks[0] });
            offerer.Memberships.Add(new CompanyMembership { NetworkId = networks[1] });
            db.Companies.AddRange(seeker, offerer);
            await db.SaveChangesAsync(ct);
            return (seeker.Id, offerer.Id);
        });
        try
        {
            Assert.Contains(reason, Assert.Single(await SuggestionsAsync(seeker), s => s.Company.Id == offerer).Reasons);

            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == offerer).ExecuteUpdateAsync(u => u.SetProperty(c => c.Skills, "marqueterie"), ct));
            Assert.DoesNotContain(await SuggestionsAsync(seeker), s => s.Company.Id == offerer);

            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == offerer).ExecuteUpdateAsync(u => u.SetProperty(c => c.Skills, "zythologie lunaire artisanale"), ct));
            Assert.Contains(await SuggestionsAsync(seeker), s => s.Company.Id == offerer);

            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == offerer).ExecuteDeleteAsync(ct));
            Assert.DoesNotContain(await SuggestionsAsync(seeker), s => s.Company.Id == offerer);

            // Each index still says exactly what its column holds (FTS5 compares them, and throws where they differ).
            using var scope = factory.Services.CreateScope();
            var database = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database;
            await database.ExecuteSqlRawAsync("INSERT INTO CompanySkillWords(CompanySkillWords, rank) VALUES ('integrity-check', 1)");
            await database.ExecuteSqlRawAsync("INSERT INTO CompanyNeedWords(CompanyNeedWords, rank) VALUES ('integrity-check', 1)");
            await database.ExecuteSqlRawAsync("INSERT INTO CompanyActivityWords(CompanyActivityWords, rank) VALUES ('integrity-check', 1)");
        }
        finally
        {
            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == seeker || c.Id == offerer).ExecuteDeleteAsync(ct));
        }
    }

    [Fact]
    public async Task Suggestions_LookForTheNewestCompaniesFirst()
    {
        // 35 companies offer what one needs; a phrase brings 30 candidates at most: the 30 that joined last (decision 0006, amendment 5).
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var (seeker, offerers) = await writer.ExecuteAsync(async (db, ct) =>
        {
            var networks = await db.Networks.Where(n => n.Slug == "inoo" || n.Slug == "pain-bio-local").OrderBy(n => n.Slug).Select(n => n.Id).ToListAsync(ct);
            var seeker = new Company { Name = "Maison Zythonome", Needs = "zythonomie" };
            seeker.Memberships.Add(new CompanyMembership { NetworkId = networks[0] });
            db.Companies.Add(seeker);
            var offerers = new List<Company>();
            for (var i = 0; i < 35; i++)
            {
                var offerer = new Company { Name = $"Zythonomes associés {i:00}", Skills = "zythonomie" };
                offerer.Memberships.Add(new CompanyMembership { NetworkId = networks[1] });
                db.Companies.Add(offerer);
                await db.SaveChangesAsync(ct);
                offerers.Add(offerer);
            }

            return (seeker.Id, offerers.Select(c => c.Id).ToList());
        });
        try
        {
            var suggested = (await SuggestionsAsync(seeker)).Select(s => s.Company.Id).Order();

            Assert.Equal(offerers.Order().TakeLast(30), suggested);
        }
        finally
        {
            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == seeker || offerers.Contains(c.Id)).ExecuteDeleteAsync(ct));
        }
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(", ")]
    public async Task CompanyPage_OfTheLongestSkillsAndNeeds_ShowsItsSuggestions(string separator)
    {
        // As many different words of five letters as 2 000 characters hold (a profile's limit): one phrase, or hundreds.
        var words = Enumerable.Range(0, 676).Select(i => $"mot{(char)('a' + (i / 26))}{(char)('a' + (i % 26))}");
        var text = string.Join(separator, words)[..2000].TrimEnd(',', ' ');
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var id = await writer.ExecuteAsync(async (db, ct) =>
        {
            var company = new Company { Name = "Verbiage Illimité", Skills = text, Needs = "emballages en bois " + text };
            company.Memberships.Add(new CompanyMembership { NetworkId = await db.Networks.Select(n => n.Id).FirstAsync(ct) });
            db.Companies.Add(company);
            await db.SaveChangesAsync(ct);
            return company.Id;
        });
        try
        {
            using var browser = new BrowserSession(factory.CreateBrowser());
            var (response, page) = await browser.GetPageAsync($"/annuaire/entreprises/{id}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(page.QuerySelector("#suggestion-list, #no-suggestion"));
        }
        finally
        {
            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => c.Id == id).ExecuteDeleteAsync(ct));
        }
    }

    [Fact]
    public async Task Search_PutsTheNamesWithTheWordsFirst_ThenOrdersByNameInFrench()
    {
        string[] names = ["Fabrique Tarnaise", "écritoire d'Agen", "Bois Gravé", "atelier Chêne", "Zinc et Xylographies"];
        var writer = factory.Services.GetRequiredService<DatabaseWriter>();
        var ids = await writer.ExecuteAsync(async (db, ct) =>
        {
            var companies = names.Select(name => new Company { Name = name, Skills = name.StartsWith('Z') ? "zinguerie" : "xylographie sur bois" }).ToList();
            db.Companies.AddRange(companies);
            await db.SaveChangesAsync(ct);
            return companies.Select(c => c.Id).ToList();
        });
        try
        {
            using var scope = factory.Services.CreateScope();
            var results = await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().SearchAsync(new DirectorySearch("Xylographie"));

            Assert.Equal(["Zinc et Xylographies", "atelier Chêne", "Bois Gravé", "écritoire d'Agen", "Fabrique Tarnaise"], results.Companies.Items.Select(c => c.Name));
        }
        finally
        {
            await writer.ExecuteAsync((db, ct) => db.Companies.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct));
        }
    }

    [Theory]
    [InlineData("bois")]
    [InlineData("Agen")]
    [InlineData("conserverie légumes")]
    [InlineData("e")]
    public async Task Search_WithoutFilters_ReadsTheWindowOfTheCompaniesRows_FromTheNamesIndex(string query)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var throughRows = await (from match in FullTextIndex.Companies(db, query)!
                                 join c in db.Companies on match.Id equals c.Id
                                 orderby match.Id
                                 select new CompanyHit(c.Id, c.Name)).Take(CompanyDirectory.SearchWindow + 1).ToListAsync();

        var window = await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().WindowAsync(new DirectorySearch(query), FullTextIndex.Stems(query));

        Assert.NotEmpty(throughRows);
        Assert.Equal(throughRows, window);
    }

    [Theory]
    [InlineData("bois", null)]
    [InlineData("emballages bois", "promobois")]
    public async Task Search_ReadsTheFullTextIndex_NeverScansCompanies(string query, string? network)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<CompanyDirectory>();
        await db.Database.OpenConnectionAsync();

        // Without filters, the window's statement is read without EF; with filters, EF composes it.
        await using (var command = network is null ? UnfilteredWindow(db, query) : (await directory.FilteredWindowAsync(new DirectorySearch(query, network)))!.CreateDbCommand())
        {
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(3));
                }
            }

            Assert.Contains(plan, step => step.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN c", StringComparison.Ordinal) || step.StartsWith("SCAN Companies", StringComparison.Ordinal));
            // The window comes in the index's own order: no sort (the page is sorted from the window, in memory).
            Assert.False(plan.Exists(step => step.Contains("TEMP B-TREE", StringComparison.Ordinal)), command.CommandText);
            // Without filters, the names come from the index of names by id, not from the companies' rows.
            Assert.Equal(network is null, plan.Exists(step => step.Contains("USING COVERING INDEX IX_Companies_Id_Name", StringComparison.Ordinal)));
        }
    }

    private static SqliteCommand UnfilteredWindow(PlatformDbContext db, string query)
    {
        var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = FullTextIndex.CompanyWindowSql;
        command.Parameters.AddWithValue("$match", FullTextIndex.CompanyMatchOf(FullTextIndex.Stems(query)));
        command.Parameters.AddWithValue("$take", CompanyDirectory.SearchWindow + 1);
        return command;
    }

    [Fact]
    public async Task Plugins_ReadTheDirectoryThroughTheContract()
    {
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ICompanyDirectory>();

        var found = await directory.SearchAsync("conserverie albret", "prod-iaa");
        var conserverie = Assert.Single(found.Items);
        Assert.Equal(("Conserverie du Pays d'Albret", "10.39A", "Nérac"), (conserverie.Name, conserverie.NafCode, conserverie.Commune));
        Assert.Contains("emballages en bois", conserverie.Needs);

        var memberships = await directory.MembershipsOfCompanyAsync(conserverie.Id);
        Assert.Contains(memberships, m => m.NetworkSlug == "prod-iaa" && m.NetworkName == "PROD'IAA");
        Assert.Contains("@", (await directory.FindContactAsync(conserverie.Id))!.Email, StringComparison.Ordinal);

        var members = await directory.MembersOfNetworkAsync(memberships.Single(m => m.NetworkSlug == "sotra" || m.NetworkSlug == "prod-iaa").NetworkId, page: 2, pageSize: 10);
        Assert.Equal((38, 10, 2), (members.Total, members.Items.Count, members.Page));
        Assert.Null(await directory.FindCompanyAsync(-1));
    }

    private async Task<IReadOnlyList<Suggestion>> SuggestionsAsync(int companyId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ComplementarySuggestions>().ComputeAsync(companyId, take: 50);
    }

    private async Task<List<int>> SearchAsync(string query)
    {
        using var scope = factory.Services.CreateScope();
        var results = await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().SearchAsync(new DirectorySearch(query));
        return results.Companies.Items.Select(c => c.Id).ToList();
    }
}
