namespace FeedWatch.Core.Ports.Queues;

/// <summary>A received or peeked message. <see cref="PopReceipt"/> is empty for peeked messages.</summary>
public sealed record QueueMessage(
    string Id,
    string PopReceipt,
    string Body,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset NextVisibleOn);
