using Microsoft.AspNetCore.Identity;
using Platform.Abstractions.Members;
using Platform.Host.Data;

namespace Platform.Host.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string AdminPolicy = "PlatformAdmin";

    public static WebApplicationBuilder AddPlatformAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<User, IdentityRole>(o =>
            {
                // Long passphrases, no composition rules (ASVS 6.2.1, 6.2.5).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        // Claims (animated networks, company) and disabled accounts catch up within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            o.Cookie.Name = "ic47.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(PlatformRoles.Admin));

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentMember, CurrentMember>();
        builder.Services.AddScoped<AccountAdministration>();
        return builder;
    }
}
