using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Functions;

/// <summary>Alert stage: delivers one recorded spread alert to its sinks (Service Bus topic, webhooks …) and marks it delivered.</summary>
public sealed class DeliverAlertFunction(IStageHandler<DeliverAlertMessage> handler, ILogger<DeliverAlertFunction> logger)
{
    [Function(FunctionNames.DeliverAlert)]
    public Task RunAsync(
        [QueueTrigger(QueueNames.DeliverAlert, Connection = FunctionSettings.StorageConnection)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        QueueStageInvoker.InvokeAsync(handler, message, QueueNames.DeliverAlert, alert => alert.AlertId, context, logger, cancellationToken);
}
