using FeedWatch.Core.Pipeline.Classification;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Hosting.Workers;

/// <summary>
/// The classify queue as the local host's classify worker sees it: it receives only while this host holds the
/// <see cref="ClassifierLease"/> (taking the lease over when it is free), and receives nothing while another host is
/// the active classifier. Everything else passes straight through.
/// </summary>
internal sealed class LeaseGatedQueue(IMessageQueue inner, ClassifierLease lease) : IMessageQueue
{
    public string Name => inner.Name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public Task<QueueMessage> SendAsync(string body, TimeSpan? initialVisibilityDelay = null, CancellationToken cancellationToken = default) =>
        inner.SendAsync(body, initialVisibilityDelay, cancellationToken);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        await lease.TryHoldAsync(cancellationToken).ConfigureAwait(false)
            ? await inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false)
            : [];

    public Task<IReadOnlyList<QueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default) => inner.PeekAsync(maxMessages, cancellationToken);

    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(messageId, popReceipt, cancellationToken);

    public Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
        inner.UpdateVisibilityAsync(message, visibilityTimeout, cancellationToken);

    public Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default) => inner.GetApproximateCountAsync(cancellationToken);
}
