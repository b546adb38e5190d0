using FeedWatch.Core.Telemetry;

namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Schedule → poll-feed: poll this feed now. <see cref="DueAt"/> makes duplicates of one schedule tick recognisable; <see cref="TraceParent"/>: see <see cref="ITracedMessage"/>.</summary>
public sealed record PollFeedMessage(string FeedId, DateTimeOffset DueAt, string? TraceParent = null) : ITracedMessage;
