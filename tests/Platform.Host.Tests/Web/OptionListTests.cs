using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using Platform.Host.Web;

namespace Platform.Host.Tests.Web;

public sealed class OptionListTests
{
    private static readonly HtmlEncoder French = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Render(IHtmlContent content, HtmlEncoder encoder)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, encoder);
        return writer.ToString();
    }

    private sealed record Network(string Slug, string Name);

    private static readonly IReadOnlyList<Network> Networks =
        [new("prod-iaa", "PROD'IAA"), new("sotra", "SOTRA"), new("boe", "Réseau de Boé <Agen>")];

    [Fact]
    public void SelectedValue_IsTheOnlySelectedOption_AndTextsAreEncodedWithThePagesEncoder()
    {
        var html = Render(OptionList.For(Networks, n => n.Slug, n => n.Name, "sotra"), French);

        Assert.Equal(
            "<option value=\"prod-iaa\">PROD&#x27;IAA</option><option selected value=\"sotra\">SOTRA</option>"
            + "<option value=\"boe\">Réseau de Boé &lt;Agen&gt;</option>",
            html);
    }

    [Fact]
    public void UnknownOrNoSelection_SelectsNothing_AndTheSameListRendersTheSameWithEachEncoder()
    {
        var none = Render(OptionList.For(Networks, n => n.Slug, n => n.Name, null), French);
        var unknown = Render(OptionList.For(Networks, n => n.Slug, n => n.Name, "inconnu"), French);
        var basicLatin = Render(OptionList.For(Networks, n => n.Slug, n => n.Name, null), HtmlEncoder.Default);

        Assert.DoesNotContain("selected", none, StringComparison.Ordinal);
        Assert.Equal(none, unknown);
        Assert.Contains("Réseau de Boé", none, StringComparison.Ordinal);
        Assert.Contains("R&#xE9;seau de Bo&#xE9;", basicLatin, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoProjectionsOfOneList_AreKeptApart()
    {
        var bySlug = Render(OptionList.For(Networks, n => n.Slug, n => n.Name, null), French);
        var byName = Render(OptionList.For(Networks, n => n.Name, n => n.Slug, "SOTRA"), French);

        Assert.StartsWith("<option value=\"prod-iaa\">PROD&#x27;IAA</option>", bySlug, StringComparison.Ordinal);
        Assert.Contains("<option selected value=\"SOTRA\">sotra</option>", byName, StringComparison.Ordinal);
    }
}
