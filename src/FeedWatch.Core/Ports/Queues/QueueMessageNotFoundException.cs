namespace FeedWatch.Core.Ports.Queues;

/// <summary>
/// The message is gone or the pop receipt is stale: another consumer received it after its visibility
/// timeout ran out, or it was deleted. Azure answers 404 MessageNotFound; the embedded queue throws the same.
/// </summary>
public sealed class QueueMessageNotFoundException(string queueName, string messageId)
    : Exception($"Message '{messageId}' in queue '{queueName}' does not exist or its pop receipt is stale.")
{
    public string QueueName { get; } = queueName;

    public string MessageId { get; } = messageId;
}
