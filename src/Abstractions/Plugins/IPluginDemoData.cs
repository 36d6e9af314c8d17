namespace Platform.Abstractions.Plugins;

/// <summary>
/// A plugin's demo data. Register an implementation in the plugin's services (or module): when the
/// host runs in demo mode (<c>Demo:Enabled</c>), it calls <see cref="SeedAsync"/> once at every
/// start-up, after the host's demo data (networks, companies, accounts, events) and after the plugin's
/// own migrations. Outside demo mode it is never called.
/// </summary>
/// <remarks>
/// Make it idempotent: seed only what is missing (the same database is started many times). A seeder
/// that throws is logged and the plugin stays loaded, without its demo data.
/// </remarks>
public interface IPluginDemoData
{
    /// <summary>Adds the plugin's demo data where it is missing.</summary>
    /// <param name="cancellationToken">Cancels the seeding (the host is stopping).</param>
    Task SeedAsync(CancellationToken cancellationToken);
}
