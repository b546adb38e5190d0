using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Functions;

/// <summary>Fetch-article stage: fetches and stores one article page, then enqueues it for classification.</summary>
public sealed class FetchArticleFunction(IStageHandler<FetchArticleMessage> handler, ILogger<FetchArticleFunction> logger)
{
    [Function(FunctionNames.FetchArticle)]
    public Task RunAsync(
        [QueueTrigger(QueueNames.FetchArticle, Connection = FunctionSettings.StorageConnection)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        QueueStageInvoker.InvokeAsync(handler, message, QueueNames.FetchArticle, fetch => fetch.Url, context, logger, cancellationToken);
}
