using System.Text;
using FeedWatch.Alerts.Formatting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Alerts.Queues;

/// <summary>
/// Puts the CloudEvents JSON on a queue behind the <see cref="IMessageQueue"/> port: the embedded local alert queue or an
/// Azure Storage queue. Storage queues cannot de-duplicate, so consumers should key on the CloudEvents id; the
/// dispatcher's receipts keep redeliveries to the crash window between the send and the receipt.
/// </summary>
public sealed class QueueAlertSink(string name, IMessageQueue queue) : IAlertSink
{
    private int created;

    public string Name => name;

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default) =>
        SendAsync(AlertNotification.Single(alert), cancellationToken);

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default) =>
        SendAsync(AlertNotification.Batch(digest), cancellationToken);

    private async Task SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref created, 1) == 0) await queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await queue.SendAsync(Encoding.UTF8.GetString(AlertJson.Serialize(notification)), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
