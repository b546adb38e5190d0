namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Schedule → poll-feed: poll this feed now. <see cref="DueAt"/> makes duplicates of one schedule tick recognisable.</summary>
public sealed record PollFeedMessage(string FeedId, DateTimeOffset DueAt);
