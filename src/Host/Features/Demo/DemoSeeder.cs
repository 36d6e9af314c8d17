using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Demo;

/// <summary>
/// Demo mode's data: the brief's networks, an administrator, one animator per network and a few
/// members, all with <see cref="Password"/>. Idempotent: it only adds what is missing.
/// </summary>
public sealed class DemoSeeder(PlatformDbContext db, AccountAdministration accounts, CalendarDemoSeeder calendar, ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo-Interclustering-47";
    public const string Domain = "demo.interclustering47.fr";
    public const string AdminEmail = "admin@" + Domain;

    /// <summary>The demo members, their company and the networks it belongs to.</summary>
    public static IReadOnlyList<(string Email, string Name, string Company, string[] Networks)> Members { get; } =
    [
        ("membre.conserverie@" + Domain, "Claire Dubois", "Conserverie du Pays d'Albret", ["prod-iaa", "fruits-legumes-nutrition-sante", "gascogne-environnement"]),
        ("membre.menuiserie@" + Domain, "Julien Lafargue", "Menuiserie Lavardac", ["promobois", "sotra", "eclair"]),
        ("membre.numerique@" + Domain, "Sophie Martin", "Agenais Numérique", ["etic", "inoo", "groupe-innovation"]),
    ];

    public static string AnimatorEmail(string slug) => $"animateur.{slug}@{Domain}";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Networks.Select(n => n.Slug).ToListAsync(cancellationToken);
        foreach (var (slug, name, kind, description) in DemoNetworks.All.Where(n => !existing.Contains(n.Slug)))
        {
            db.Networks.Add(new Network { Slug = slug, Name = name, Kind = kind, Description = description });
        }

        await db.SaveChangesAsync(cancellationToken);

        await Ensure(accounts.CreateAsync(AdminEmail, "Administration de la plateforme", Password, PlatformRoles.Admin));
        foreach (var network in await db.Networks.ToListAsync(cancellationToken))
        {
            var animator = await Ensure(accounts.CreateAsync(AnimatorEmail(network.Slug), $"Animation {network.Name}", Password, PlatformRoles.Animator));
            if (!await db.NetworkAnimators.AnyAsync(a => a.UserId == animator.Id && a.NetworkId == network.Id, cancellationToken))
            {
                db.NetworkAnimators.Add(new NetworkAnimator { UserId = animator.Id, NetworkId = network.Id });
            }
        }

        var networkIds = await db.Networks.ToDictionaryAsync(n => n.Slug, n => n.Id, cancellationToken);
        foreach (var (email, name, companyName, networks) in Members)
        {
            var company = await db.Companies.Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Name == companyName, cancellationToken)
                ?? db.Companies.Add(new Company { Name = companyName }).Entity;
            foreach (var slug in networks.Where(s => company.Memberships.All(m => m.NetworkId != networkIds[s])))
            {
                company.Memberships.Add(new CompanyMembership { NetworkId = networkIds[slug], Role = "membre" });
            }

            await db.SaveChangesAsync(cancellationToken);
            await Ensure(accounts.CreateAsync(email, name, Password, PlatformRoles.Member, company.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        await new Companies.Demo.DirectoryDemoSeeder(db, TimeProvider.System).SeedAsync(cancellationToken);
        await calendar.SeedAsync(cancellationToken);
        await new Purchasing.PurchasingDemoSeeder(db, TimeProvider.System).SeedAsync(cancellationToken);
        logger.LogInformation("Demo data ready: {Networks} networks, accounts share the demo password", existing.Count == 0 ? DemoNetworks.All.Count : existing.Count);
    }

    private static async Task<User> Ensure(Task<(User? User, IReadOnlyList<string> Errors)> creation)
    {
        var (user, errors) = await creation;
        return user ?? throw new InvalidOperationException("Demo account: " + string.Join("; ", errors));
    }
}
