using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Plugins.Formation.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the host (see the README).</summary>
internal sealed class FormationDesignTimeFactory : IDesignTimeDbContextFactory<FormationDbContext>
{
    public FormationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FormationDbContext>()
            .UseSqlite("Data Source=design.db", b => b.MigrationsHistoryTable("__EFMigrationsHistory_Formation"))
            .Options);
}
