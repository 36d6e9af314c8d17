using Platform.Host.Plugins;

namespace Platform.Host.Tests.Plugins;

public sealed class EnablementSnapshotTests
{
    [Fact]
    public void Snapshot_FindsAPluginInAnyCase_ForItsNetworkOnly()
    {
        var snapshot = EnablementSnapshot.Of(7, [("Formation", 3), ("notes", 5)]);

        Assert.Equal(7, snapshot.Version);
        Assert.Contains(("formation", 3), snapshot.Enabled);
        Assert.Contains(("FORMATION", 3), snapshot.Enabled);
        Assert.Contains(("Notes", 5), snapshot.Enabled);
        Assert.DoesNotContain(("Formation", 5), snapshot.Enabled);
        Assert.DoesNotContain(("Formations", 3), snapshot.Enabled);
        // Stored in upper case: the networks of a plugin are found by its upper-case id.
        Assert.Equal([("FORMATION", 3), ("NOTES", 5)], snapshot.Enabled.Order());
    }
}
