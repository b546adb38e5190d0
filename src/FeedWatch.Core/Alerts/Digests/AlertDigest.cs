namespace FeedWatch.Core.Alerts.Digests;

/// <summary>
/// One message listing several new outlets of one story: sent at the end of a digest period, after quiet hours,
/// or when the rate limit held alerts back. <see cref="Id"/> is derived from the story and the alert ids it carries
/// (<see cref="AlertIds.ForDigest"/>), so re-sending the same batch after a crash repeats the same id.
/// </summary>
public sealed record AlertDigest
{
    public required string Id { get; init; }
    public required string StoryId { get; init; }
    public required string StoryTitle { get; init; }

    /// <summary>When the first alert of the batch was held.</summary>
    public required DateTimeOffset PeriodStart { get; init; }

    /// <summary>When the batch was released.</summary>
    public required DateTimeOffset PeriodEnd { get; init; }

    /// <summary>Why the alerts were held: "digest", "quietHours" or "rateLimit".</summary>
    public required string Reason { get; init; }

    /// <summary>The held spread alerts, in the order they were detected.</summary>
    public required IReadOnlyList<SpreadAlert> Alerts { get; init; }
}
