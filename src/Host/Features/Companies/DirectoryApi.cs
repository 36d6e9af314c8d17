using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Host.Data;
using Platform.Host.Features.Networks;

namespace Platform.Host.Features.Companies;

/// <summary>A network as the JSON API gives it.</summary>
public sealed record ApiNetwork(string Slug, string Name, string Kind, string KindLabel, string? Description, IReadOnlyList<string> Labels, string? Website, int Members, int Employees);

/// <summary>A company as the JSON API gives it: public fields only, never the contact details.</summary>
public sealed record ApiCompany(int Id, string Name, string? Siren, string? NafCode, string? NafLabel, string? Sector, string? Commune, string? PostalCode, int? Headcount, string? Description, IReadOnlyList<string> Skills, string? Website, IReadOnlyList<string> Networks);

/// <summary>A page of companies. <c>More</c>: the words match more than <c>Total</c> (200), which counted no further.</summary>
public sealed record ApiCompanyPage(IReadOnlyList<ApiCompany> Items, int Total, int Page, int PageSize, int PageCount, bool More);

/// <summary>
/// The read-only JSON API for the networks' own web sites: <c>/api/v1/networks</c>,
/// <c>/api/v1/networks/{slug}</c>, <c>/api/v1/companies?q=&amp;network=&amp;page=</c>, described by the OpenAPI
/// document at <c>/openapi/v1.json</c>. Anonymous, public fields only.
/// </summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Annuaire").AllowAnonymous()
            .AddEndpointFilter(async (context, next) =>
            {
                // Public data for the networks' own sites: any origin may read it from a browser (a
                // simple GET needs no preflight), and caches may keep it five minutes.
                context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
                context.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
                return await next(context);
            });

        api.MapGet("/networks", async (PlatformDbContext db, CancellationToken cancellationToken) =>
        {
            var networks = await NetworksQuery(db, db.Networks.OrderBy(n => n.Name)).ToListAsync(cancellationToken);
            return TypedResults.Ok(networks.Select(ToApi).ToList());
        })
        .WithName("ListNetworks").WithSummary("Tous les réseaux, avec leurs nombres d'adhérents et de salariés.");

        api.MapGet("/networks/{slug}", async Task<Results<Ok<ApiNetwork>, NotFound>> (string slug, PlatformDbContext db, CancellationToken cancellationToken) =>
        {
            var network = await NetworksQuery(db, db.Networks.Where(n => n.Slug == slug)).FirstOrDefaultAsync(cancellationToken);
            return network is null ? TypedResults.NotFound() : TypedResults.Ok(ToApi(network));
        })
        .WithName("GetNetwork").WithSummary("Un réseau, par son identifiant d'URL (prod-iaa, sotra…).");

        api.MapGet("/companies", async (string? q, string? network, int? page, CompanyDirectory directory, PlatformDbContext db, CancellationToken cancellationToken) =>
        {
            var results = await directory.SearchAsync(new DirectorySearch(q is { Length: > 200 } ? q[..200] : q, network, Page: Math.Clamp(page ?? 1, 1, 10_000)), cancellationToken: cancellationToken);
            var ids = results.Companies.Items.Select(c => c.Id).ToList();
            var details = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.Skills, c.Website, c.Siren, Networks = c.Memberships.Select(m => m.Network!.Slug).ToList() })
                .ToDictionaryAsync(c => c.Id, cancellationToken);
            var items = results.Companies.Items.Where(c => details.ContainsKey(c.Id)).Select(c =>
            {
                var d = details[c.Id];
                return new ApiCompany(c.Id, c.Name, d.Siren, c.NafCode, c.NafLabel, c.Sector, c.Commune, c.PostalCode, c.Headcount, c.Description,
                    Company.Phrases(d.Skills), d.Website, d.Networks.Order(StringComparer.Ordinal).ToList());
            }).ToList();
            var paged = results.Companies;
            return TypedResults.Ok(new ApiCompanyPage(items, paged.Total, paged.Page, paged.PageSize, paged.PageCount, paged.More));
        })
        .WithName("SearchCompanies").WithSummary("Recherche d'entreprises (q : mots cherchés, network : identifiant d'un réseau, page : à partir de 1 ; 20 par page).");

        return endpoints;
    }

    private sealed record NetworkRow(Network Network, int Members, int Employees);

    private static IQueryable<NetworkRow> NetworksQuery(PlatformDbContext db, IQueryable<Network> networks) =>
        networks.AsNoTracking().Select(n => new NetworkRow(
            n,
            db.CompanyMemberships.Count(m => m.NetworkId == n.Id),
            db.CompanyMemberships.Where(m => m.NetworkId == n.Id).Sum(m => m.Company!.Headcount ?? 0)));

    private static ApiNetwork ToApi(NetworkRow row) =>
        new(row.Network.Slug, row.Network.Name, row.Network.Kind.ToString(), row.Network.Kind.ToFrench(), row.Network.Description,
            row.Network.LabelList, row.Network.Website, row.Members, row.Employees);
}
