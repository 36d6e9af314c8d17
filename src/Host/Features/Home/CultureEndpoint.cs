using Microsoft.AspNetCore.Localization;
using Platform.Host.Web;

namespace Platform.Host.Features.Home;

/// <summary><c>/langue?culture=en&amp;returnUrl=/</c>: remembers the chosen culture in a cookie.</summary>
public static class CultureEndpoint
{
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/langue", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = WebServiceCollectionExtensions.Cultures.FirstOrDefault(c => c.Name == culture) ?? WebServiceCollectionExtensions.Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            var target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        });
        return endpoints;
    }
}
