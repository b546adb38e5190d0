namespace FeedWatch.Azure.Storage.Queues;

/// <summary>The service's answer to Update Message: the new pop receipt and when the message shows again.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
