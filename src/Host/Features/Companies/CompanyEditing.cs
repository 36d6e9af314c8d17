using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Directory;
using Platform.Abstractions.Events;
using Platform.Abstractions.Members;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>Who may change what in the directory, and the changes themselves (each one write transaction).</summary>
public sealed class CompanyEditing(DatabaseWriter writer, TimeProvider time, IDomainEventPublisher events, SuggestionsCache suggestions)
{
    /// <summary>A member edits their own company; an animator, the companies of the networks they animate; an admin, any.</summary>
    public static bool CanEdit(ICurrentMember member, Company company) =>
        member.IsAuthenticated && (member.IsPlatformAdmin || member.CompanyId == company.Id || company.Memberships.Any(m => member.AnimatedNetworkIds.Contains(m.NetworkId)));

    /// <summary>
    /// Saves the profile. Returns the French errors by field (nothing saved), or an empty dictionary;
    /// <see langword="null"/> when the company does not exist or the member may not edit it.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>?> UpdateAsync(int companyId, CompanyProfile profile, ICurrentMember member, CancellationToken cancellationToken = default)
    {
        var errors = profile.Validate();
        if (errors.Count > 0)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>?>(errors);
        }

        return writer.ExecuteAsync<IReadOnlyDictionary<string, string>?>(async (db, token) =>
        {
            var company = await db.Companies.Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Id == companyId, token);
            if (company is null || !CanEdit(member, company))
            {
                return null;
            }

            var siren = profile.SirenNormalized;
            if (siren is not null && await db.Companies.AnyAsync(c => c.Siren == siren && c.Id != companyId, token))
            {
                return new Dictionary<string, string> { [nameof(CompanyProfile.Siren)] = $"Une autre entreprise de l'annuaire a déjà le SIREN {siren}." };
            }

            company.Apply(profile, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(token);
            suggestions.Forget(companyId);
            return new Dictionary<string, string>();
        }, cancellationToken);
    }

    /// <summary>Updates a network's presentation; <see langword="false"/> when it does not exist or the member does not animate it.</summary>
    public Task<bool> UpdateNetworkAsync(int networkId, string? description, string? labels, string? website, string? animatorName, string? animatorEmail, string? animatorPhone, ICurrentMember member, CancellationToken cancellationToken = default) =>
        writer.ExecuteAsync(async (db, token) =>
        {
            var network = await db.Networks.FirstOrDefaultAsync(n => n.Id == networkId, token);
            if (network is null || !member.IsAnimatorOf(networkId))
            {
                return false;
            }

            network.Description = Trim(description);
            network.Labels = Trim(labels?.Replace("\r", "", StringComparison.Ordinal));
            network.Website = Trim(website);
            network.AnimatorName = Trim(animatorName);
            network.AnimatorEmail = Trim(animatorEmail);
            network.AnimatorPhone = Trim(animatorPhone);
            await db.SaveChangesAsync(token);
            return true;
        }, cancellationToken);

    /// <summary>Removes a company from a network (the company stays in the directory).</summary>
    public async Task<bool> RemoveMemberAsync(int networkId, int companyId, ICurrentMember member, CancellationToken cancellationToken = default)
    {
        if (!member.IsAnimatorOf(networkId))
        {
            return false;
        }

        var removed = await writer.ExecuteAsync(
            (db, token) => db.CompanyMemberships.Where(m => m.NetworkId == networkId && m.CompanyId == companyId).ExecuteDeleteAsync(token),
            cancellationToken);
        if (removed > 0)
        {
            suggestions.Forget(companyId);
            await events.PublishAsync(new CompanyLeftNetwork(companyId, networkId, time.GetUtcNow().UtcDateTime), cancellationToken);
        }

        return removed > 0;
    }

    /// <summary>
    /// Adds a company already in the directory to a network, found by its SIREN. Returns a French error,
    /// or <see langword="null"/> when it is done (or was already a member).
    /// </summary>
    public async Task<string?> AddMemberBySirenAsync(int networkId, string? siren, ICurrentMember member, CancellationToken cancellationToken = default)
    {
        var normalized = BusinessIdentifiers.Normalize(siren);
        if (!member.IsAnimatorOf(networkId))
        {
            return "Seuls les animateurs du réseau peuvent y ajouter une entreprise.";
        }

        if (!BusinessIdentifiers.IsValidSiren(normalized))
        {
            return $"Le SIREN « {siren?.Trim()} » n'est pas valide : 9 chiffres dont le dernier est une clé de contrôle.";
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (error, companyId) = await writer.ExecuteAsync<(string?, int?)>(async (db, token) =>
        {
            var company = await db.Companies.Include(c => c.Memberships).FirstOrDefaultAsync(c => c.Siren == normalized, token);
            if (company is null)
            {
                return ($"Aucune entreprise de l'annuaire n'a le SIREN {normalized} : créez-la par l'import CSV.", null);
            }

            if (company.Memberships.Any(m => m.NetworkId == networkId))
            {
                return (null, null);
            }

            company.Memberships.Add(new CompanyMembership { NetworkId = networkId, Role = "membre", Since = DateOnly.FromDateTime(now) });
            await db.SaveChangesAsync(token);
            return (null, company.Id);
        }, cancellationToken);
        if (companyId is { } id)
        {
            suggestions.Forget(id);
            await events.PublishAsync(new CompanyJoinedNetwork(id, networkId, now), cancellationToken);
        }

        return error;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
