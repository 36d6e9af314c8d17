using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Host.Features.Accounts;

/// <summary>
/// A signed-in session, kept on the server: the cookie carries only its key. Signing out deletes the
/// row, so a copied cookie is worthless afterwards (ASVS 7.4.1) — at once in this process, within
/// <see cref="DatabaseTicketStore.CacheLifetime"/> in the others (decision 0010).
/// </summary>
public sealed class UserSession
{
    public required string Id { get; set; }

    public string? UserId { get; set; }

    /// <summary>The serialized authentication ticket (Data Protection–protected by the cookie handler's serializer).</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAtUtc);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
