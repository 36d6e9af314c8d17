namespace Platform.Host.Features.Purchasing.Pages;

/// <summary>What the progress partial shows: the queue, its accepted total, and now.</summary>
public sealed record QueueProgress(PurchasingQueue Queue, long Accepted, DateTime NowUtc);
