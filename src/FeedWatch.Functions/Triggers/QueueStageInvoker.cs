using System.Diagnostics;
using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Messages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Triggers;

/// <summary>
/// What every queue-triggered function does: read the message record, hand it to the stage handler, log the
/// outcome. Retries and poison handling stay with the host (host.json maxDequeueCount): a throw fails the
/// invocation, the message becomes visible again after visibilityTimeout, and after the last attempt the host
/// moves it to "{queue}-poison" (<see cref="QueueNames.Poison"/>), exactly as the local durable queue does.
/// </summary>
public static class QueueStageInvoker
{
    public static async Task InvokeAsync<TMessage>(
        IStageHandler<TMessage> handler,
        string? body,
        string queueName,
        Func<TMessage, string> subjectOf,
        FunctionContext context,
        ILogger logger,
        CancellationToken cancellationToken)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(subjectOf);

        var dequeueCount = QueueTriggerMetadata.DequeueCount(context);
        var scope = new Dictionary<string, object?>
        {
            ["Queue"] = queueName,
            ["QueueMessageId"] = QueueTriggerMetadata.MessageId(context),
            ["DequeueCount"] = dequeueCount,
            ["InvocationId"] = context.InvocationId,
        };
        using var _ = logger.BeginScope(scope);

        TMessage message;
        try
        {
            message = StageMessageReader.Read<TMessage>(body, queueName);
        }
        catch (InvalidStageMessageException ex)
        {
            logger.LogError(ex, "Rejected a message on {Queue} (attempt {DequeueCount} of {MaxDequeueCount}); it goes to {PoisonQueue} after the last attempt",
                queueName, dequeueCount, QueueNames.MaxDequeueCount, QueueNames.Poison(queueName));
            throw;
        }

        // The subject (feed id, url, article id, alert id) keys every log line of this invocation.
        var subject = subjectOf(message);
        using var __ = logger.BeginScope(new Dictionary<string, object?> { ["Subject"] = subject });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await handler.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var lastAttempt = dequeueCount >= QueueNames.MaxDequeueCount;
            logger.Log(lastAttempt ? LogLevel.Error : LogLevel.Warning, ex,
                "{MessageType} {Subject} on {Queue} failed on attempt {DequeueCount} of {MaxDequeueCount}; {Outcome}",
                typeof(TMessage).Name, subject, queueName, dequeueCount, QueueNames.MaxDequeueCount,
                lastAttempt ? "the host now moves it to " + QueueNames.Poison(queueName) : "the host retries it after the visibility timeout");
            throw;
        }

        logger.LogInformation("Handled {MessageType} {Subject} from {Queue} in {ElapsedMs:F0} ms",
            typeof(TMessage).Name, subject, queueName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
