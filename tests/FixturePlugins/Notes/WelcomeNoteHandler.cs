using Platform.Abstractions.Events;
using Platform.Plugins.Notes.Data;

namespace Platform.Plugins.Notes;

/// <summary>Writes a first note when the plugin is enabled for a network: proves host events reach plugins.</summary>
internal sealed class WelcomeNoteHandler(NotesDbContext db) : IDomainEventHandler<PluginEnabled>
{
    public async Task HandleAsync(PluginEnabled domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.PluginId != "Notes" || domainEvent.NetworkId is not { } networkId)
        {
            return;
        }

        db.Notes.Add(new Note { NetworkId = networkId, Text = "Bienvenue dans les notes du réseau.", CreatedAtUtc = domainEvent.OccurredAtUtc });
        await db.SaveChangesAsync(cancellationToken);
    }
}
