namespace FeedWatch.Core.Ports.Queues;

/// <summary>Hands out queues by name (lower-case, 3–63 characters, as Azure requires).</summary>
public interface IQueueProvider
{
    IMessageQueue GetQueue(string name);
}
