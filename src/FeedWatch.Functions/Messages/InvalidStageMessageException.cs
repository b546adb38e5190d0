namespace FeedWatch.Functions.Messages;

/// <summary>
/// A queue message that is not a valid stage message. Throwing it fails the invocation, so the host retries the
/// message up to maxDequeueCount times and then moves it, unchanged, to "{queue}-poison": kept for inspection,
/// never dropped.
/// </summary>
public sealed class InvalidStageMessageException : Exception
{
    public InvalidStageMessageException()
    {
    }

    public InvalidStageMessageException(string message)
        : base(message)
    {
    }

    public InvalidStageMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidStageMessageException(string queueName, Type messageType, string reason, Exception? innerException = null)
        : base($"Queue '{queueName}' delivered a message that is not a valid {messageType.Name}: {reason}", innerException)
    {
        QueueName = queueName;
        MessageType = messageType;
    }

    public string? QueueName { get; }

    public Type? MessageType { get; }
}
