using FeedWatch.Core.Alerts;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Core.Pipeline.Delivery;

/// <summary>Puts each alert's CloudEvent on the local alert queue (<see cref="QueueNames.Alerts"/>) that users consume.</summary>
public sealed class LocalQueueAlertSink(IQueueProvider queues) : IAlertSink
{
    public string Name => "queue";

    public async Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default)
    {
        var queue = queues.GetQueue(QueueNames.Alerts);
        await queue.SendAsync(PipelineMessages.Serialize(AlertEnvelope.For(alert)), null, cancellationToken).ConfigureAwait(false);
    }
}
