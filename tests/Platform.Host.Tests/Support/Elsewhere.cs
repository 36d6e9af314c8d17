using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;

namespace Platform.Host.Tests.Support;

/// <summary>
/// The test host's database reached as another process would: its own connection and plain SQL, none of the
/// host's services — for what the host must notice whoever writes (the agenda's and the directory's versions).
/// </summary>
internal static class Elsewhere
{
    public static async Task<SqliteConnection> OpenAsync(PlatformFactory factory)
    {
        var connection = new SqliteConnection(factory.Services.GetRequiredService<PlatformConnection>().ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/>; returns the rows it changed.</summary>
    public static async Task<int> WriteAsync(PlatformFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(factory);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row <paramref name="sql"/> reads, as a number.</summary>
    public static async Task<long> ReadNumberAsync(PlatformFactory factory, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(factory);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
