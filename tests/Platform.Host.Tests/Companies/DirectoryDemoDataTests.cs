using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Companies.Demo;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

public sealed class DirectoryDemoDataTests
{
    [Fact]
    public void Plan_GivesEachGroupingTheBriefsMembersAndEmployees()
    {
        foreach (var (slug, members, employees) in DirectoryDemoData.BriefTable)
        {
            var companies = DirectoryDemoData.Companies.Where(c => c.Networks.Contains(slug)).ToList();
            Assert.Equal((slug, members, employees), (slug, companies.Count, companies.Sum(c => c.Headcount)));
        }
    }

    [Fact]
    public void Plan_IsDeterministicRealisticAndOverlapping()
    {
        var companies = DirectoryDemoData.Companies;

        Assert.All(companies, c =>
        {
            Assert.True(BusinessIdentifiers.IsValidSiren(c.Siren), c.Siren);
            Assert.True(BusinessIdentifiers.IsValidSiret(c.Siret) && c.Siret.StartsWith(c.Siren, StringComparison.Ordinal), c.Siret);
            Assert.NotNull(NafCatalog.LabelOf(c.NafCode));
            Assert.Equal(LotEtGaronneCommunes.PostalCodeOf(c.Commune), c.PostalCode);
            Assert.True(c.Headcount > 0);
        });
        Assert.Equal(companies.Count, companies.Select(c => c.Siren).Distinct().Count());
        Assert.Equal(companies.Count, companies.Select(c => c.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Overlaps: companies in several networks, and some in two of the brief's table.
        Assert.True(companies.Count(c => c.Networks.Count > 1) > 100);
        Assert.True(companies.Count(c => c.Networks.Count(n => DirectoryDemoData.BriefTable.Any(t => t.Slug == n)) > 1) >= 60);
        // The demo members' companies count among their networks' members.
        foreach (var (_, _, company, networks) in DemoSeeder.Members)
        {
            Assert.Equal(networks.Order(StringComparer.Ordinal), companies.Single(c => c.Name == company).Networks.Order(StringComparer.Ordinal));
        }

        // Every network of the brief has members; the Groupe Innovation about fifty.
        Assert.All(DemoNetworks.All, n => Assert.Contains(companies, c => c.Networks.Contains(n.Slug)));
        Assert.InRange(companies.Count(c => c.Networks.Contains("groupe-innovation")), 45, 55);
    }
}

[Collection(SharedHost.Name)]
public sealed class DirectoryDemoSeederTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Seeding_Again_AddsNothing()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var before = (await db.Companies.CountAsync(), await db.CompanyMemberships.CountAsync());

        await new DirectoryDemoSeeder(db, TimeProvider.System).SeedAsync();

        Assert.Equal(before, (await db.Companies.CountAsync(), await db.CompanyMemberships.CountAsync()));
        Assert.True(before.Item1 >= DirectoryDemoData.Companies.Count);
    }
}
