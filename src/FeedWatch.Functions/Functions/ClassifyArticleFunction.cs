using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Functions;

/// <summary>Classify stage: matches one stored article against the tracked stories and records any spread alert in the story's outbox.</summary>
public sealed class ClassifyArticleFunction(IStageHandler<ClassifyArticleMessage> handler, ILogger<ClassifyArticleFunction> logger)
{
    [Function(FunctionNames.ClassifyArticle)]
    public Task RunAsync(
        [QueueTrigger(QueueNames.ClassifyArticle, Connection = FunctionSettings.StorageConnection)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        QueueStageInvoker.InvokeAsync(handler, message, QueueNames.ClassifyArticle, classify => classify.ArticleId, context, logger, cancellationToken);
}
