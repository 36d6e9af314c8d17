using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Members;
using Platform.Host.Data;

namespace Platform.Host.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string AdminPolicy = "PlatformAdmin";

    /// <summary>Sessions end after 30 minutes without a request, and 12 hours after sign-in in any case (ASVS 7.3).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);

    private const string AbsoluteExpiryItem = ".platform.absolute-expiry";

    public static WebApplicationBuilder AddPlatformAccounts(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services
            .AddIdentity<User, IdentityRole>(o =>
            {
                // Long passphrases, no composition rules, common passwords refused (ASVS 6.2.1, 6.2.5, 6.2.12).
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
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Keys in the database: a restart or a second instance keeps everyone signed in.
        builder.Services.AddDataProtection()
            .SetApplicationName("Interclustering47")
            .PersistKeysToDbContext<PlatformDbContext>();

        // Claims (animated networks, company) and disabled accounts catch up within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddSingleton<DatabaseTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/compte/connexion";
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            // __Host- cookies must be Secure: the prefix is used where HTTPS is (Production).
            o.Cookie.Name = production ? "__Host-ic47" : "ic47";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items[AbsoluteExpiryItem] = (now + AbsoluteTimeout).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Properties.IsPersistent = false;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
                if (!context.Properties.Items.TryGetValue(AbsoluteExpiryItem, out var value)
                    || !long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var expiry) || now >= expiry)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.RequestServices.GetRequiredService<SignInManager<User>>().SignOutAsync();
                    return;
                }

                // The validator checks the stamp once per interval, but resolving it builds the whole
                // SignInManager/UserManager/store graph on every request (4 % of the pledge post's CPU,
                // profiled). Its own "is it time yet" test, made here first, skips that when it is not.
                var stampOptions = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
                if (context.Properties.IssuedUtc is { } issued
                    && (stampOptions.TimeProvider ?? context.HttpContext.RequestServices.GetRequiredService<TimeProvider>()).GetUtcNow() - issued <= stampOptions.ValidationInterval)
                {
                    return;
                }

                await validateStamp(context);
            };
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = production ? "__Host-ic47.af" : "ic47.af";
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(PlatformRoles.Admin));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ICurrentMember, CurrentMember>();
        builder.Services.AddScoped<AccountAdministration>();
        return builder;
    }
}
