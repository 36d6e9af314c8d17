using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Plugins.MyCluster.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without the host (startup project:
/// <c>tools/MyCluster.Design</c>). The same history table as the host gives the plugin at run time.
/// </summary>
internal sealed class MyClusterDesignTimeFactory : IDesignTimeDbContextFactory<MyClusterDbContext>
{
    public MyClusterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MyClusterDbContext>()
            .UseSqlite("Data Source=design.db", b => b.MigrationsHistoryTable("__EFMigrationsHistory_MyCluster"))
            .Options);
}
