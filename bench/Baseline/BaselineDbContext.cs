using Microsoft.EntityFrameworkCore;

namespace Platform.Bench.Baseline;

/// <summary>The host's Companies table, read-only: the columns a directory row shows.</summary>
public sealed class BaselineDbContext(DbContextOptions<BaselineDbContext> options) : DbContext(options)
{
    public DbSet<CompanyRow> Companies => Set<CompanyRow>();
}

public sealed class CompanyRow
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Commune { get; set; }

    public string? NafLabel { get; set; }
}

/// <summary>The host's rendered home page, saved by the runner: the static page has exactly its size.</summary>
public sealed record StaticPage(string Html);
