using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Demo;

/// <summary>
/// Demo mode's data: the brief's networks, an administrator, one animator per network and a few
/// members, all with <see cref="Password"/>. Idempotent: it only adds what is missing.
/// </summary>
public sealed class DemoSeeder(PlatformDbContext db, AccountAdministration accounts, ILogger<DemoSeeder> logger)
{
    public const string Password = "Demo-Interclustering-47";
    public const string Domain = "demo.interclustering47.fr";
    public const string AdminEmail = "admin@" + Domain;

    public static IReadOnlyList<(string Email, string Name, string Company)> Members { get; } =
    [
        ("membre.conserverie@" + Domain, "Claire Dubois", "Conserverie du Pays d'Albret"),
        ("membre.menuiserie@" + Domain, "Julien Lafargue", "Menuiserie Lavardac"),
        ("membre.numerique@" + Domain, "Sophie Martin", "Agenais Numérique"),
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

        foreach (var (email, name, companyName) in Members)
        {
            var company = await db.Companies.FirstOrDefaultAsync(c => c.Name == companyName, cancellationToken)
                ?? db.Companies.Add(new Company { Name = companyName }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            await Ensure(accounts.CreateAsync(email, name, Password, PlatformRoles.Member, company.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo data ready: {Networks} networks, accounts share the demo password", existing.Count == 0 ? DemoNetworks.All.Count : existing.Count);
    }

    private static async Task<User> Ensure(Task<(User? User, IReadOnlyList<string> Errors)> creation)
    {
        var (user, errors) = await creation;
        return user ?? throw new InvalidOperationException("Demo account: " + string.Join("; ", errors));
    }
}
