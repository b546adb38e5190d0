namespace FeedWatch.Storage.Local.Queues;

/// <summary>
/// Tells consumers in this process that a message was sent to a queue, so an idle worker wakes at once instead of at
/// its next poll. Take <see cref="Next"/> before receiving: a send after that completes it, so none is missed.
/// </summary>
internal sealed class SendSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
