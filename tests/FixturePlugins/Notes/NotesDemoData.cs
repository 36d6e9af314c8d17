using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Networks;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Notes.Data;

namespace Platform.Plugins.Notes;

/// <summary>
/// The demo data: one note in the ECLAIR cluster, added only when missing. Throws when the plugin's
/// setting <c>DemoDataFails</c> is true, for the test of a failing seeder.
/// </summary>
internal sealed class NotesDemoData(NotesDbContext db, INetworkDirectory networks, NotesDemoOptions options) : IPluginDemoData
{
    public const string Text = "Note de démonstration";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Fails)
        {
            throw new InvalidOperationException("panne des données de démonstration");
        }

        if (await networks.FindBySlugAsync("eclair", cancellationToken) is not { } eclair
            || await db.Notes.AnyAsync(n => n.NetworkId == eclair.Id && n.Text == Text, cancellationToken))
        {
            return;
        }

        db.Notes.Add(new Note { NetworkId = eclair.Id, Text = Text, CreatedAtUtc = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The plugin's settings (<c>Plugins:Settings:Notes</c>) the demo data reads.</summary>
internal sealed record NotesDemoOptions(bool Fails);
