using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Host.Features.Accounts;

namespace Platform.Host.Features.Notifications;

/// <summary>An in-app notification, kept until the user reads it (and after).</summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? Link { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }
}

internal sealed class NotificationRecordConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
