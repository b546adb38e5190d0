namespace FeedWatch.Core.Pipeline.Status;

/// <summary>An alert sink and its deliveries that failed every attempt (parked, waiting for `feedwatch alerts retry`).</summary>
public sealed record SinkStatus(string Name, int Parked, DateTimeOffset? LastFailedAt, string? LastError);
