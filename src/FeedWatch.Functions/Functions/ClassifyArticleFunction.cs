using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Classification;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Functions;

/// <summary>
/// Classify stage: matches one stored article against the stories and records any spread alert in the story's outbox.
/// Runs only in this instance's turn as the active classifier (<see cref="ClassifierTurns"/>), so every instance
/// classifies against every story the others created. Without <paramref name="turns"/> (one instance, tests) it classifies directly.
/// </summary>
public sealed class ClassifyArticleFunction(IStageHandler<ClassifyArticleMessage> handler, ILogger<ClassifyArticleFunction> logger, ClassifierTurns? turns = null)
{
    [Function(FunctionNames.ClassifyArticle)]
    public Task RunAsync(
        [QueueTrigger(QueueNames.ClassifyArticle, Connection = FunctionSettings.StorageConnection)] string message,
        FunctionContext context,
        CancellationToken cancellationToken) =>
        QueueStageInvoker.InvokeAsync(turns is null ? handler : new TurnTakingHandler(handler, turns), message, QueueNames.ClassifyArticle, classify => classify.ArticleId, context, logger, cancellationToken);

    private sealed class TurnTakingHandler(IStageHandler<ClassifyArticleMessage> inner, ClassifierTurns turns) : IStageHandler<ClassifyArticleMessage>
    {
        public Task HandleAsync(ClassifyArticleMessage message, CancellationToken cancellationToken = default) =>
            turns.RunAsync(() => inner.HandleAsync(message, cancellationToken), cancellationToken);
    }
}
