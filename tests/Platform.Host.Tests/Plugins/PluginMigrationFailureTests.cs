using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>
/// A plugin whose migrations fail at start-up is Faulted, and nothing of it is served — neither its files nor
/// its pages — while the host starts and answers. The host runs the migrations while it describes its pipeline
/// (Program.cs): what it serves of a plugin is decided after them.
/// </summary>
public sealed class PluginMigrationFailureTests
{
    [Fact]
    public async Task APluginWhoseMigrationsFail_IsFaulted_AndNeitherItsFilesNorItsPagesAreServed()
    {
        var database = Path.Combine(TestPaths.NewTempDirectory(), "platform.db");
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString()))
        {
            // The table the Notes plugin's first migration creates is there already: the migration fails.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes_notes (Id INTEGER PRIMARY KEY);";
            await command.ExecuteNonQueryAsync();
        }

        await using var factory = new PlatformFactory(TestPaths.PluginFolderWith("Notes"), database);
        using var client = factory.CreateBrowser();

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        var notes = health.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "Notes");
        Assert.Equal("Faulted", notes.GetProperty("status").GetString());
        Assert.StartsWith("migrations de NotesDbContext", notes.GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/_content/Notes/notes.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/etic/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/reseaux")).StatusCode);
    }
}
