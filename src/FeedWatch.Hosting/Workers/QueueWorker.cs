using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedWatch.Hosting.Workers;

/// <summary>
/// The local host's trigger for one queue-driven stage, with the semantics of an Azure Functions queue trigger:
/// receive, hide for the visibility timeout, handle, delete. It keeps up to <c>concurrency</c> messages in hand and
/// receives more as soon as one finishes (never more than it can start at once). A failure makes the message visible
/// again after a growing delay; after <see cref="QueueNames.MaxDequeueCount"/> attempts (or at once, for a body
/// that is not the expected message) the original body moves to "{queue}-poison" — kept, never dropped.
/// </summary>
public sealed class QueueWorker<TMessage>(
    string queueName,
    int concurrency,
    IQueueProvider queues,
    IServiceScopeFactory scopes,
    PipelineActivity activity,
    IOptions<WorkerOptions> options,
    StorageFault fault,
    ILogger<QueueWorker<TMessage>> logger) : BackgroundService
{
    private static readonly TimeSpan MaxStartRetryDelay = TimeSpan.FromSeconds(30);
    private readonly WorkerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueue(queueName);
        var poison = queues.GetQueue(QueueNames.Poison(queueName));
        if (!await CreateQueuesAsync(queue, poison, stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        logger.LogDebug("Worker for {Queue} started ({Concurrency} at a time)", queueName, concurrency);
        var slots = Math.Max(1, concurrency);
        var inFlight = new List<Task>(slots);
        var idle = _options.IdleDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(task => task.IsCompleted);
            var free = slots - inFlight.Count;
            if (free == 0)
            {
                await Task.WhenAny(inFlight).ConfigureAwait(false);
                continue;
            }

            // Only as many messages as can be handled now: a received message is hidden and its dequeue count is
            // raised, so one held while waiting for a slot would move towards the poison queue on every crash of
            // the host without ever having been tried.
            // The embedded queue signals sends made in this process: an idle worker wakes for them at once.
            var sent = (queues as LocalQueueProvider)?.WhenSent(queueName);
            IReadOnlyList<QueueMessage> batch;
            try
            {
                batch = await queue.ReceiveAsync(Math.Min(_options.BatchSize, free), _options.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (fault.StopIfFatal(ex, $"Receiving from {queueName}"))
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Receiving from {Queue} failed; retrying", queueName);
                await DelayAsync(_options.MaxIdleDelay, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (batch.Count == 0)
            {
                // Nothing new: wait for the idle delay, or less if a message in hand finishes and frees a slot or a
                // message is sent to this queue in this process.
                var delay = DelayAsync(idle, stoppingToken);
                var wakers = sent is null ? inFlight.Append(delay) : inFlight.Append(delay).Append(sent);
                await Task.WhenAny(wakers).ConfigureAwait(false);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxIdleDelay.Ticks));
                continue;
            }

            idle = _options.IdleDelay;
            foreach (var message in batch)
            {
                inFlight.Add(Task.Run(() => ProcessAsync(queue, poison, message, stoppingToken), CancellationToken.None));
            }
        }

        // Stopping: let the messages in hand finish (their handlers observe the token).
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the queue and its poison queue, retrying with backoff while the storage is unreachable (an Azure Storage
    /// outage, Azurite restarting): a worker that gave up here would stop the whole host. False when stopping.
    /// </summary>
    private async Task<bool> CreateQueuesAsync(IMessageQueue queue, IMessageQueue poison, CancellationToken stoppingToken)
    {
        var delay = _options.RetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                await poison.CreateIfNotExistsAsync(stoppingToken).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (fault.StopIfFatal(ex, $"Creating {queueName}"))
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Creating {Queue} failed; retrying in {RetryDelay}", queueName, delay);
                await DelayAsync(delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxStartRetryDelay.Ticks));
            }
        }

        return false;
    }

    private async Task ProcessAsync(IMessageQueue queue, IMessageQueue poison, QueueMessage message, CancellationToken stoppingToken)
    {
        activity.Begin();
        try
        {
            if (message.DequeueCount > QueueNames.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, poison, message, "dequeued more than the maximum", stoppingToken).ConfigureAwait(false);
                return;
            }

            TMessage body;
            try
            {
                body = PipelineMessages.Deserialize<TMessage>(message.Body);
            }
            catch (InvalidDataException ex)
            {
                await MoveToPoisonAsync(queue, poison, message, ex.Message, stoppingToken).ConfigureAwait(false);
                return;
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var handler = scope.ServiceProvider.GetRequiredService<IStageHandler<TMessage>>();
                await handler.HandleAsync(body, stoppingToken).ConfigureAwait(false);
            }

            if (!await queue.DeleteAsync(message.Id, message.PopReceipt, CancellationToken.None).ConfigureAwait(false))
            {
                logger.LogWarning("Message {MessageId} on {Queue} was handled after its visibility timeout ran out; it may be handled again", message.Id, queueName);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again after its timeout and is handled after the restart.
        }
        catch (Exception ex) when (fault.StopIfFatal(ex, $"Handling {message.Id} on {queueName}"))
        {
            // The message stays on the queue (it comes back after its visibility timeout, after the fault is fixed).
        }
        catch (Exception ex)
        {
            await HandleFailureAsync(queue, poison, message, ex, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            activity.End();
        }
    }

    private async Task HandleFailureAsync(IMessageQueue queue, IMessageQueue poison, QueueMessage message, Exception error, CancellationToken stoppingToken)
    {
        if (message.DequeueCount >= QueueNames.MaxDequeueCount)
        {
            logger.LogError(error, "Message {MessageId} on {Queue} failed {DequeueCount} times", message.Id, queueName, message.DequeueCount);
            try
            {
                await MoveToPoisonAsync(queue, poison, message, error.Message, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The storage is failing too (an outage): the message comes back after its visibility timeout, is
                // over the limit then, and moves to the poison queue on that receive. The worker itself runs on.
                logger.LogError(ex, "Could not move {MessageId} on {Queue} to {PoisonQueue}; it is retried after its visibility timeout", message.Id, queueName, QueueNames.Poison(queueName));
            }

            return;
        }

        var delay = TimeSpan.FromTicks(Math.Min(_options.RetryDelay.Ticks << (int)Math.Min(message.DequeueCount - 1, 20), _options.VisibilityTimeout.Ticks));
        logger.LogWarning(
            "Message {MessageId} on {Queue} failed (attempt {DequeueCount} of {MaxDequeueCount}), retrying in {RetryDelay}: {Error}",
            message.Id, queueName, message.DequeueCount, QueueNames.MaxDequeueCount, delay, error.Message);
        try
        {
            await queue.UpdateVisibilityAsync(message, delay, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The message still comes back when its visibility timeout runs out.
            logger.LogDebug(ex, "Could not shorten the visibility of {MessageId} on {Queue}", message.Id, queueName);
        }
    }

    private async Task MoveToPoisonAsync(IMessageQueue queue, IMessageQueue poison, QueueMessage message, string reason, CancellationToken stoppingToken)
    {
        _ = stoppingToken;

        // Copy first, delete second: a crash in between leaves a duplicate, never a loss.
        await poison.SendAsync(message.Body, null, CancellationToken.None).ConfigureAwait(false);
        await queue.DeleteAsync(message.Id, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
        logger.LogError(
            "Message {MessageId} moved from {Queue} to {PoisonQueue} after {DequeueCount} attempts: {Reason}",
            message.Id, queueName, QueueNames.Poison(queueName), message.DequeueCount, reason);
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
