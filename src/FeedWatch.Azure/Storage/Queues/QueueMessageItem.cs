namespace FeedWatch.Azure.Storage.Queues;

/// <summary>
/// A received or peeked message (decoded text). Peeked messages have no <see cref="PopReceipt"/> and no
/// <see cref="NextVisibleOn"/>.
/// </summary>
public sealed record QueueMessageItem(
    string MessageId,
    string? PopReceipt,
    string MessageText,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset? NextVisibleOn);
