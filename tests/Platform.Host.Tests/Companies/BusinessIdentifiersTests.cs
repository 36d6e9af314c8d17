using Platform.Host.Features.Companies;

namespace Platform.Host.Tests.Companies;

public sealed class BusinessIdentifiersTests
{
    [Theory]
    [InlineData("732829320", true)]   // a SIREN whose Luhn key is right
    [InlineData("732829321", false)]  // the same with a wrong key
    [InlineData("73282932", false)]   // 8 digits
    [InlineData("73282932A", false)]
    public void Siren_CheckDigit_IsValidated(string siren, bool valid) =>
        Assert.Equal(valid, BusinessIdentifiers.IsValidSiren(siren));

    [Theory]
    [InlineData("73282932000074", true)]
    [InlineData("73282932000075", false)]
    [InlineData("7328293200007", false)]
    [InlineData("35600000000048", true)]  // La Poste: Luhn
    [InlineData("35600000049837", true)]  // La Poste: digits add up to a multiple of 5
    [InlineData("35600000049838", false)]
    public void Siret_CheckDigit_IsValidated(string siret, bool valid) =>
        Assert.Equal(valid, BusinessIdentifiers.IsValidSiret(siret));

    [Fact]
    public void Profile_WithBadSiretAndCommune_GivesFrenchMessagesByField()
    {
        var profile = new CompanyProfile { Name = "Test", Siren = "732 829 320", Siret = "73282932000075", Commune = "Bordeaux", NafCode = "1039" };

        var errors = profile.Validate();

        Assert.StartsWith("Le SIRET « 73282932000075 » n'est pas valide", errors[nameof(CompanyProfile.Siret)], StringComparison.Ordinal);
        Assert.Contains("n'est pas une commune de Lot-et-Garonne", errors[nameof(CompanyProfile.Commune)], StringComparison.Ordinal);
        Assert.Contains("code NAF", errors[nameof(CompanyProfile.NafCode)], StringComparison.Ordinal);
        Assert.False(errors.ContainsKey(nameof(CompanyProfile.Siren)));
    }

    [Fact]
    public void Siret_OfAnotherCompany_IsRefused()
    {
        var errors = new CompanyProfile { Name = "Test", Siren = "732829320", Siret = "40483304800022" }.Validate();
        Assert.Equal("Le SIRET doit commencer par le SIREN de l'entreprise.", errors.GetValueOrDefault(nameof(CompanyProfile.Siret)));
    }
}
