using Microsoft.EntityFrameworkCore;

namespace Platform.Plugins.Notes.Data;

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes_notes");
            note.Property(n => n.Text).HasMaxLength(2000);
            note.HasIndex(n => n.NetworkId);
        });
    }
}
