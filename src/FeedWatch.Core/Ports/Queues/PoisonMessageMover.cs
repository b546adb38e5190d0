namespace FeedWatch.Core.Ports.Queues;

/// <summary>
/// The consumer-side poison rule, as the Functions queue trigger applies it: a message received more than
/// <see cref="QueueNames.MaxDequeueCount"/> times is copied to "{queue}-poison" and deleted from its queue,
/// so it is kept for inspection instead of failing forever. Consumers call <see cref="TryMoveAsync"/> on every
/// received message before handling it.
/// </summary>
public sealed class PoisonMessageMover(IQueueProvider queues, int maxDequeueCount = QueueNames.MaxDequeueCount)
{
    public int MaxDequeueCount { get; } = maxDequeueCount;

    public bool IsPoisoned(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.DequeueCount > MaxDequeueCount;
    }

    /// <summary>
    /// Moves the message when it is poisoned and returns true; returns false (and does nothing) otherwise.
    /// The copy is sent before the delete: a crash in between leaves a duplicate in the poison queue, never a loss.
    /// </summary>
    public async Task<bool> TryMoveAsync(IMessageQueue source, QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!IsPoisoned(message))
        {
            return false;
        }

        var poison = queues.GetQueue(QueueNames.Poison(source.Name));
        await poison.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await poison.SendAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await source.DeleteAsync(message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
