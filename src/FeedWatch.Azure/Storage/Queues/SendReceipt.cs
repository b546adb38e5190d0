namespace FeedWatch.Azure.Storage.Queues;

/// <summary>The service's answer to Put Message.</summary>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn, DateTimeOffset NextVisibleOn);
