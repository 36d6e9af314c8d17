using Microsoft.EntityFrameworkCore;

namespace Platform.Plugins.MyCluster.Data;

/// <summary>
/// The plugin's own data, in the platform's database: tables prefixed <c>mycluster_</c>, migrations
/// history in <c>__EFMigrationsHistory_MyCluster</c> (set by the host's connection settings).
/// </summary>
public sealed class MyClusterDbContext(DbContextOptions<MyClusterDbContext> options) : DbContext(options)
{
    public DbSet<Idea> Ideas => Set<Idea>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Idea>(idea =>
        {
            idea.ToTable("mycluster_ideas");
            idea.Property(i => i.AuthorName).HasMaxLength(200);
            idea.Property(i => i.Text).HasMaxLength(Idea.MaxLength);
            idea.HasIndex(i => i.NetworkId);
        });
    }
}
