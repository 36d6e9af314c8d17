using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies.Demo;

/// <summary>
/// Adds the directory's demo data (<see cref="DirectoryDemoData"/>) after the DemoSeeder made the networks
/// and the demo members' companies. Idempotent: finds companies by SIREN (or name, for the demo members'
/// companies made without one) and only fills what is missing.
/// </summary>
public sealed class DirectoryDemoSeeder(PlatformDbContext db, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var networks = await db.Networks.ToDictionaryAsync(n => n.Slug, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var network in networks.Values)
        {
            var (labels, website) = DirectoryDemoData.NetworkDetails(network.Slug);
            network.Labels ??= labels;
            network.Website ??= website;
            network.AnimatorName ??= $"Animation {network.Name}";
            network.AnimatorEmail ??= Platform.Host.Features.Demo.DemoSeeder.AnimatorEmail(network.Slug);
        }

        var companies = await db.Companies.Include(c => c.Memberships).ToListAsync(cancellationToken);
        var bySiren = companies.Where(c => c.Siren is not null).ToDictionary(c => c.Siren!, StringComparer.Ordinal);
        var byName = companies.Where(c => c.Siren is null).GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var demo in DirectoryDemoData.Companies)
        {
            if (!bySiren.TryGetValue(demo.Siren, out var company))
            {
                if (!byName.TryGetValue(demo.Name, out company))
                {
                    company = db.Companies.Add(new Company { Name = demo.Name }).Entity;
                }

                company.Apply(new CompanyProfile
                {
                    Name = demo.Name, Siren = demo.Siren, Siret = demo.Siret, NafCode = demo.NafCode, Commune = demo.Commune,
                    PostalCode = demo.PostalCode, Headcount = demo.Headcount, Description = demo.Description, Skills = demo.Skills,
                    Needs = demo.Needs, Website = demo.Website, ContactName = demo.ContactName, ContactEmail = demo.ContactEmail,
                    ContactPhone = demo.ContactPhone,
                }, now);
            }

            foreach (var slug in demo.Networks)
            {
                if (networks.TryGetValue(slug, out var network) && company.Memberships.All(m => m.NetworkId != network.Id))
                {
                    company.Memberships.Add(new CompanyMembership { NetworkId = network.Id, Since = demo.Since, Role = "membre" });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
