using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Platform.Host.Data;
using Platform.Host.Data.CompiledModel;

namespace Platform.Host.Tests.Data;

public sealed class CompiledModelTests
{
    [Fact]
    public void TheCompiledModel_IsTheModelTheCodeBuilds()
    {
        // The host starts with the compiled model (Data/CompiledModel); a model change without
        // `dotnet ef dbcontext optimize` (CONTRIBUTING.md) would run against a stale one.
        using var built = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite("Data Source=:memory:").Options);

        var fromCode = Describe(built.GetService<IDesignTimeModel>().Model);
        var compiled = Describe(PlatformDbContextModel.Instance);

        Assert.True(fromCode.SequenceEqual(compiled), "Régénérer le modèle compilé (CONTRIBUTING.md). Différences : "
            + string.Join(" | ", fromCode.Except(compiled).Select(d => "code : " + d).Concat(compiled.Except(fromCode).Select(d => "compilé : " + d))));
    }

    /// <summary>Every table, column, key, index and foreign key of the model's database, one line each.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            lines.AddRange(table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "NULL" : "NOT NULL")} {c.DefaultValueSql}"));
            lines.AddRange(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")} {i.Filter}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => $"{table.Name} fk {f.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) → {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }

        lines.AddRange(model.GetEntityTypes().SelectMany(e => e.GetProperties().Select(p => $"{e.Name}.{p.Name} {p.ClrType.Name} {p.GetValueConverter()?.GetType().Name} {p.GetMaxLength()}")));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
