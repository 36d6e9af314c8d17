using Platform.Host.Features.Companies;

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
