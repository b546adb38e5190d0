namespace FeedWatch.Core.Pipeline.Polling;

/// <summary>What one poll found: an error, or the items and keys that were new.</summary>
internal sealed record PollOutcome(string? Error, int ItemCount, IReadOnlyList<string> NewKeys, string? Title, int? TimeToLiveMinutes)
{
    /// <summary>Publication dates of the feed's items, for the adaptive poll interval.</summary>
    public IReadOnlyList<DateTimeOffset> ItemDates { get; init; } = [];

    /// <summary>New fingerprints of known items whose text changed: remembered, but not new articles.</summary>
    public IReadOnlyList<string> UpdatedKeys { get; init; } = [];

    public static PollOutcome NotModified() => new(null, 0, [], null, null);

    public static PollOutcome Failed(string error) => new(error, 0, [], null, null);
}
