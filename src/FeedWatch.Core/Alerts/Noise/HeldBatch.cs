namespace FeedWatch.Core.Alerts.Noise;

/// <summary>Held alerts released together as one message with id <see cref="MessageId"/>.</summary>
public sealed record HeldBatch(
    string MessageId,
    string Reason,
    DateTimeOffset PeriodStart,
    DateTimeOffset ReleasedAt,
    IReadOnlyList<SpreadAlert> Alerts);
