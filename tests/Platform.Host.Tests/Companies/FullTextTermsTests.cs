using Microsoft.Data.Sqlite;
using Platform.Host.Features.Companies;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

public sealed class FullTextTermsTests
{
    [Theory]
    [InlineData("Les EMBALLAGES en bois", "\"emball\"* \"bois\"*")]
    [InlineData("légumes", "\"legum\"*")]
    [InlineData("Pruneaux d'Agen", "\"prun\"* \"agen\"*")]
    [InlineData("\"bois* OR (", "\"bois\"* \"or\"*")]  // OR is a word, not an operator
    [InlineData("de la et", "")]
    public void Query_BecomesQuotedPrefixTermsOfFrenchStems(string query, string terms) =>
        Assert.Equal(terms, string.Join(' ', FullTextIndex.Terms(query)));

    /// <summary>
    /// The names a search orders its window by, and queries: the stems of each query found in each name, against
    /// SQLite's FTS5 index of the names (tokenizer unicode61, diacritics removed), which found them.
    /// </summary>
    [Fact]
    public void StemsFoundIn_AreTheStemsTheIndexFindsInTheText()
    {
        string[] names =
        [
            "Scierie Lefèvre", "SCIERIE DU LOT", "Écomat 47", "L'Atelier d'Émile", "Conserverie du Pays d'Albret", "Cœur de Bois",
            "Menuiserie-Ébénisterie Garonne", "Fabrication d'emballages en bois", "3D Concept", "Precision", "Pre\u0301cision Ne\u0301rac",
            "Usinage & précision (Nérac)", "", "   ", string.Join(' ', Enumerable.Repeat("Menuiserie Lefèvre usinage", 20)),
        ];
        string[] queries = ["scierie", "lefevre bois", "usinage de précision", "Nérac", "emballages bois", "atelier emile", "3d", "ecomat 47", "cœur", "l", "menuiseries ebenisterie garonne lot"];
        using var sqlite = new SqliteConnection($"Data Source={Path.Combine(TestPaths.NewTempDirectory(), "names.db")};Pooling=False");
        sqlite.Open();
        using (var create = sqlite.CreateCommand())
        {
            create.CommandText = """CREATE VIRTUAL TABLE "Names" USING fts5("Name", tokenize="unicode61 remove_diacritics 2")""";
            create.ExecuteNonQuery();
        }

        for (var i = 0; i < names.Length; i++)
        {
            using var insert = sqlite.CreateCommand();
            insert.CommandText = """INSERT INTO "Names"(rowid, "Name") VALUES ($id, $name)""";
            insert.Parameters.AddWithValue("$id", i);
            insert.Parameters.AddWithValue("$name", names[i]);
            insert.ExecuteNonQuery();
        }

        var compared = 0;
        foreach (var query in queries)
        {
            var stems = FullTextIndex.Stems(query);
            var indexed = new int[names.Length];
            foreach (var stem in stems)
            {
                using var match = sqlite.CreateCommand();
                match.CommandText = """SELECT rowid FROM "Names" WHERE "Names" MATCH $term""";
                match.Parameters.AddWithValue("$term", $"\"{stem}\"*");
                using var found = match.ExecuteReader();
                while (found.Read())
                {
                    indexed[found.GetInt32(0)]++;
                }
            }

            for (var i = 0; i < names.Length; i++)
            {
                Assert.True(indexed[i] == FullTextIndex.StemsFoundIn(stems, names[i]), $"« {query} » in « {names[i]} »: the index finds {indexed[i]} of its stems.");
                compared += indexed[i];
            }
        }

        Assert.True(compared > 20, "The names hold the queries' words.");
    }

    [Theory]
    [InlineData("emballages en bois", "fabrication d'emballages", 0.5)]
    [InlineData("emballages en bois", "emballage bois", 1.0)]
    [InlineData("site de vente en ligne", "menuiserie sur mesure", 0.0)]
    public void Fit_IsTheShareOfTheNeedsWordsTheOfferHas(string need, string offer, double fit) =>
        Assert.Equal(fit, ComplementarySuggestions.Fit(need, offer), 3);
}

public sealed class CompanyCsvParseTests
{
    [Fact]
    public void Parse_ReadsQuotesLineBreaksAndCommaFiles()
    {
        var csv = "\uFEFFRaison sociale,SIREN,Description\r\n\"Atelier \"\"Le Rabot\"\"\",732829320,\"Deux lignes\r\nde description\"\r\n";

        var (lines, errors) = CompanyCsv.Parse(csv);

        Assert.Empty(errors);
        var line = Assert.Single(lines);
        Assert.Equal(("Atelier \"Le Rabot\"", "732829320", "Deux lignes\r\nde description"), (line.Profile.Name, line.Profile.SirenNormalized, line.Profile.Description));
        Assert.Equal(2, line.LineNumber);
    }

    [Fact]
    public void Parse_WithoutTheRequiredColumns_SaysWhichOnes()
    {
        var (_, errors) = CompanyCsv.Parse("Nom;Ville\nA;Agen\n");
        Assert.Equal("Ligne 1 : l'en-tête doit contenir au moins les colonnes « Raison sociale » et « SIREN » (séparées par des points-virgules).", Assert.Single(errors));
    }

    [Fact]
    public void Parse_CountsLinesInsideQuotedFields()
    {
        var (_, errors) = CompanyCsv.Parse("Raison sociale;SIREN;Description\nA;732829320;\"une\ndeux\"\nB;123;\n");
        Assert.StartsWith("Ligne 4 :", Assert.Single(errors), StringComparison.Ordinal);
    }
}
