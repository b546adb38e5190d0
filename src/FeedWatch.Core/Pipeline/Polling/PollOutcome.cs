namespace FeedWatch.Core.Pipeline.Polling;

/// <summary>What one poll found: an error, or the items and keys that were new.</summary>
internal sealed record PollOutcome(string? Error, int ItemCount, IReadOnlyList<string> NewKeys, string? Title, int? TimeToLiveMinutes)
{
    /// <summary>Publication dates of the feed's items, for the adaptive poll interval.</summary>
    public IReadOnlyList<DateTimeOffset> ItemDates { get; init; } = [];

    /// <summary>New fingerprints of known items whose text changed: remembered, but not new articles.</summary>
    public IReadOnlyList<string> UpdatedKeys { get; init; } = [];

    /// <summary>Keys of new items not handed on (over the per-poll cap): remembered as seen.</summary>
    public IReadOnlyList<string> SkippedKeys { get; init; } = [];

    /// <summary>How many new items were over the per-poll cap.</summary>
    public int SkippedCount { get; init; }

    public static PollOutcome NotModified() => new(null, 0, [], null, null);

    public static PollOutcome Failed(string error) => new(error, 0, [], null, null);
}
