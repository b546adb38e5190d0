namespace FeedWatch.Core.Pipeline.Fetching.Politeness;

/// <summary>
/// The answer to "may this host be fetched now?": <see cref="Wait"/> zero means go; otherwise come back after
/// <see cref="Wait"/>, when the slot at <see cref="ReservedAt"/> (if any) has been kept for this request.
/// </summary>
public readonly record struct CrawlSlot(TimeSpan Wait, DateTimeOffset? ReservedAt)
{
    public static CrawlSlot Now { get; } = new(TimeSpan.Zero, null);

    public bool IsNow => Wait <= TimeSpan.Zero;
}
