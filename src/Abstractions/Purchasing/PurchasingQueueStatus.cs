namespace Platform.Abstractions.Purchasing;

/// <summary>Where a purchasing queue is in its life cycle: draft → open → negotiating (threshold reached) → awarded or cancelled; or failed.</summary>
public enum PurchasingQueueStatus
{
    /// <summary>Being prepared by the organising network's animator; invisible to members.</summary>
    Draft = 0,

    /// <summary>Published: member companies of the invited networks pledge until the deadline.</summary>
    Open = 1,

    /// <summary>Closed at the deadline with the minimum reached: the organiser negotiates with the supplier.</summary>
    Negotiating = 2,

    /// <summary>Negotiation concluded: the final unit price is known.</summary>
    Awarded = 3,

    /// <summary>Abandoned by the organiser.</summary>
    Cancelled = 4,

    /// <summary>Closed at the deadline below the minimum total quantity.</summary>
    Failed = 5,
}
