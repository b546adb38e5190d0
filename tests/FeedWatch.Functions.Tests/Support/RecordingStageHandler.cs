using FeedWatch.Core.Pipeline;

namespace FeedWatch.Functions.Tests.Support;

/// <summary>Records what a function hands to its stage; optionally fails, as a handler does on a transient error.</summary>
internal sealed class RecordingStageHandler<TMessage>(Exception? failWith = null) : IStageHandler<TMessage>
{
    public List<(TMessage Message, CancellationToken Token)> Calls { get; } = [];

    public Task HandleAsync(TMessage message, CancellationToken cancellationToken = default)
    {
        Calls.Add((message, cancellationToken));
        return failWith is null ? Task.CompletedTask : Task.FromException(failWith);
    }
}
