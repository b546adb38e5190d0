namespace FeedWatch.Storage.Local.Queues;

/// <summary>One message file of the embedded queue: the message and its delivery state.</summary>
internal sealed record StoredMessage(
    string Id,
    string Body,
    DateTimeOffset InsertedOn,
    DateTimeOffset NextVisibleOn,
    long DequeueCount,
    string? PopReceipt);
