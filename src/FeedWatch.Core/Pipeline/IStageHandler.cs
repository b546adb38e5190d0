namespace FeedWatch.Core.Pipeline;

/// <summary>
/// One queue-triggered stage of the pipeline. Handlers are idempotent: a redelivered message does no harm.
/// Throwing leaves the message on its queue to be retried (up to the max dequeue count, then the poison queue).
/// The local host and the Azure Functions app both only adapt their trigger to these handlers.
/// </summary>
public interface IStageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, CancellationToken cancellationToken = default);
}
