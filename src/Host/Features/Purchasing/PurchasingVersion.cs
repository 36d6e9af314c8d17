using Platform.Host.Data;

namespace Platform.Host.Features.Purchasing;

/// <summary>
/// One row whose version moves with every change to what a queue page shows of the queues: a queue, its
/// invited networks, its price tiers, its pledges and its history. The queue page keeps what it read under it
/// (<see cref="QueuePageCache"/>, decision 0020). Database triggers bump it, not the code, so every writer does:
/// the pages, the pledge post's SQL, the closing job, plugins through the host's services, the CLI, another
/// instance, a cascade delete.
/// </summary>
public sealed class PurchasingVersion
{
    public int Id { get; set; }

    public long Version { get; set; }

    /// <summary>What moves the version since migration <c>PurchasingVersions</c>: each table, the change, and the trigger's name suffix.</summary>
    private static readonly (string Table, string Change, string Suffix)[] Changes =
    [
        ("PurchasingQueues", "INSERT", "insert"), ("PurchasingQueues", "UPDATE", "update"), ("PurchasingQueues", "DELETE", "delete"),
        ("PurchasingQueueNetworks", "INSERT", "insert"), ("PurchasingQueueNetworks", "UPDATE", "update"), ("PurchasingQueueNetworks", "DELETE", "delete"),
        ("PurchasingPriceTiers", "INSERT", "insert"), ("PurchasingPriceTiers", "UPDATE", "update"), ("PurchasingPriceTiers", "DELETE", "delete"),
        ("PurchasingPledges", "INSERT", "insert"), ("PurchasingPledges", "UPDATE", "update"), ("PurchasingPledges", "DELETE", "delete"),
        ("PurchasingHistory", "INSERT", "insert"), ("PurchasingHistory", "UPDATE", "update"), ("PurchasingHistory", "DELETE", "delete"),
    ];

    /// <summary>The migration's SQL: the triggers that bump the version (<see cref="VersionTriggers"/>).</summary>
    public static string TriggersSql { get; } = VersionTriggers.Create("PurchasingVersions", "purchasing_version", Changes);

    public static string DropTriggersSql { get; } = VersionTriggers.Drop("purchasing_version", Changes);
}
