namespace Platform.Abstractions.Members;

/// <summary>The names of the platform's roles, for <c>[Authorize(Roles = …)]</c>.</summary>
public static class PlatformRoles
{
    /// <summary>Administers the platform: plugins, networks, accounts.</summary>
    public const string Admin = "PlatformAdmin";

    /// <summary>Animates one or several networks (which ones is kept per user).</summary>
    public const string Animator = "Animator";

    /// <summary>Belongs to a member company.</summary>
    public const string Member = "Member";
}
