namespace Platform.Host.Features.Purchasing;

/// <summary>A company's pledge (engagement) on a queue: one row per company and queue, kept after a withdrawal.</summary>
public sealed class Pledge
{
    public long Id { get; set; }

    public int QueueId { get; set; }

    public int CompanyId { get; set; }

    public int Quantity { get; set; }

    public PledgeStatus Status { get; set; }

    /// <summary>Arrival order in the queue; a pledge made again after a withdrawal gets a new one.</summary>
    public long Sequence { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public string? UpdatedByUserId { get; set; }
}

public enum PledgeStatus
{
    /// <summary>Counted in the total.</summary>
    Accepted = 1,

    /// <summary>Beyond the capacity: waits for someone ahead to withdraw or reduce.</summary>
    Waiting = 2,

    Withdrawn = 3,
}

/// <summary>A price tier of a queue: from <see cref="FromQuantity"/> on, each unit costs <see cref="UnitPrice"/> € HT.</summary>
public sealed class PriceTier
{
    public int QueueId { get; set; }

    public int FromQuantity { get; set; }

    public decimal UnitPrice { get; set; }
}

/// <summary>A network whose member companies may pledge on a queue (the organiser is always one).</summary>
public sealed class QueueNetwork
{
    public int QueueId { get; set; }

    public int NetworkId { get; set; }
}

/// <summary>A request already applied to a queue: a resubmitted form with the same key counts once.</summary>
public sealed class PledgeRequest
{
    public int QueueId { get; set; }

    public required string Key { get; set; }

    public int CompanyId { get; set; }

    public DateTime AtUtc { get; set; }
}

/// <summary>One line of a queue's history: a pledge made, changed, withdrawn or served, or a status change.</summary>
public sealed class QueueHistoryEntry
{
    public long Id { get; set; }

    public int QueueId { get; set; }

    public DateTime AtUtc { get; set; }

    public HistoryKind Kind { get; set; }

    public int? CompanyId { get; set; }

    public long? Quantity { get; set; }

    public string? Note { get; set; }
}

/// <summary>A line of a queue's history and the name of its company, if it has one.</summary>
public sealed record HistoryLine(QueueHistoryEntry Entry, string? CompanyName);

/// <summary>A network a queue invites, and whether the reader's company belongs to it.</summary>
public sealed record Invitation(int NetworkId, bool OfTheCompany);

public enum HistoryKind
{
    Pledged = 1,
    Amended = 2,
    Withdrawn = 3,
    Promoted = 4,
    StatusChanged = 5,
}
