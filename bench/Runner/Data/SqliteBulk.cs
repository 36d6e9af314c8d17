using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Platform.Bench.Runner.Data;

/// <summary>One prepared INSERT, run many times inside the generator's transaction.</summary>
public sealed class SqliteBulk : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteBulk(SqliteConnection connection, SqliteTransaction transaction, string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        _command.Prepare();
    }

    public void Insert(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();

    /// <summary>How EF Core's SQLite provider stores a <see cref="DateTime"/>: the host compares these strings in SQL.</summary>
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
