using System.Globalization;
using System.Security.Claims;
using Platform.Abstractions.Members;

namespace Platform.Host.Features.Accounts;

/// <summary>The signed-in user, read from the claims of the request.</summary>
internal sealed class CurrentMember : ICurrentMember
{
    private readonly ClaimsPrincipal? _user;

    public CurrentMember(IHttpContextAccessor accessor)
    {
        _user = accessor.HttpContext?.User;
        AnimatedNetworkIds = _user?.FindAll(PlatformClaims.AnimatedNetwork)
            .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture))
            .ToHashSet() ?? [];
    }

    public bool IsAuthenticated => _user?.Identity?.IsAuthenticated == true;

    public string? UserId => IsAuthenticated ? _user!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? DisplayName => IsAuthenticated ? _user!.FindFirstValue(PlatformClaims.DisplayName) ?? _user!.Identity!.Name : null;

    public int? CompanyId => _user?.FindFirstValue(PlatformClaims.Company) is { } value
        ? int.Parse(value, CultureInfo.InvariantCulture)
        : null;

    public bool IsPlatformAdmin => _user?.IsInRole(PlatformRoles.Admin) == true;

    public IReadOnlySet<int> AnimatedNetworkIds { get; }
}
