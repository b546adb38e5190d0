namespace FeedWatch.Core.Ports.Queues;

/// <summary>
/// A queue with Azure Storage queue semantics: a received message is hidden for a visibility timeout and
/// comes back (with a higher dequeue count) unless deleted with its pop receipt before then.
/// Implemented by the embedded durable queue and the Azure Queue REST client.
/// </summary>
public interface IMessageQueue
{
    string Name { get; }

    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a message; <paramref name="initialVisibilityDelay"/> hides it for that long first.</summary>
    Task<QueueMessage> SendAsync(string body, TimeSpan? initialVisibilityDelay = null, CancellationToken cancellationToken = default);

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Reads visible messages without hiding them or counting a dequeue.</summary>
    Task<IReadOnlyList<QueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default);

    /// <summary>Deletes a received message. False when the pop receipt is stale (someone else received it since).</summary>
    Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default);

    /// <summary>Extends or shortens a received message's invisibility; returns it with its new pop receipt.</summary>
    Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>The approximate number of messages, visible or not.</summary>
    Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default);
}
