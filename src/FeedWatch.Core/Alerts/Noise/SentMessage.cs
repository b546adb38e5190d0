namespace FeedWatch.Core.Alerts.Noise;

/// <summary>A message sent (or claimed for sending) at <see cref="At"/>, carrying these alert ids.</summary>
public sealed record SentMessage(string MessageId, DateTimeOffset At, IReadOnlyList<string> AlertIds);
