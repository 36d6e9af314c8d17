using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Plugins.Notes.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host.</summary>
internal sealed class NotesDesignTimeFactory : IDesignTimeDbContextFactory<NotesDbContext>
{
    public NotesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotesDbContext>()
            .UseSqlite("Data Source=design.db", b => b.MigrationsHistoryTable("__EFMigrationsHistory_Notes"))
            .Options);
}
