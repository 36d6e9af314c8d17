using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Host.Data;

/// <summary>
/// Statements that a busy write path runs inside the write gate, each prepared once on the gate's connection
/// and run again with new values. EF makes a new command for every execution and SQLite compiles its statement
/// again each time: on the pledge post, compiling took most of SQLite's share of the CPU, inside the gate, where
/// every writer of the process waits (bench/README.md, « Pledges »).
/// </summary>
public static class WriterCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    /// <summary>
    /// The command of <paramref name="sql"/> on the context's connection, in its current transaction, with the
    /// parameters <paramref name="parameters"/> (SQL names, <c>$name</c>) to fill by position. <paramref name="sql"/>
    /// must be a constant: each text keeps its statement for as long as the connection stays open. Inside
    /// <see cref="DatabaseWriter.ExecuteAsync{T}"/> only (one writer at a time: a command is not shared).
    /// </summary>
    public static SqliteCommand Command(this DatabaseFacade database, string sql, params ReadOnlySpan<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(database);
        var connection = (SqliteConnection)database.GetDbConnection();
        var commands = Prepared.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            commands.Add(sql, command);
        }

        command.Transaction = (SqliteTransaction?)database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>Sets the parameters in order; <see langword="null"/> is SQL's NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }
}
