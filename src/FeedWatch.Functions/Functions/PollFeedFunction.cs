using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Functions;

/// <summary>Poll-feed stage: polls one due feed and enqueues its new items for fetching.</summary>
public sealed class PollFeedFunction(IStageHandler<PollFeedMessage> handler, ILogger<PollFeedFunction> logger)
{
    [Function(FunctionNames.PollFeed)]
    public Task RunAsync(
        [QueueTrigger(QueueNames.PollFeed, Connection = FunctionSettings.StorageConnection)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        QueueStageInvoker.InvokeAsync(handler, message, QueueNames.PollFeed, poll => poll.FeedId, context, logger, cancellationToken);
}
