namespace FeedWatch.Azure.Storage.Queues;

/// <summary>A queue's approximate message count (visible or not) and metadata.</summary>
public sealed record QueueProperties(int ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);
