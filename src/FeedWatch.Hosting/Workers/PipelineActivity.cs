using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Hosting.Workers;

/// <summary>
/// Knows whether the local pipeline has work: messages being handled right now, or messages on any stage queue
/// (including hidden ones waiting for a retry). `feedwatch run --until-quiet`, the demo and the tests wait on it.
/// </summary>
public sealed class PipelineActivity(IQueueProvider queues)
{
    private static readonly string[] StageQueues = [QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert];
    /// <summary>Failed quiet checks in a row before <see cref="WaitUntilQuietAsync"/> gives up.</summary>
    public const int MaxFailedChecks = 5;

    private readonly TaskCompletionSource _firstTick = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private long _handled;

    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Completes when the schedule stage has run once (start-up recovery included).</summary>
    public Task FirstScheduleTick => _firstTick.Task;

    public void ScheduleTickCompleted() => _firstTick.TrySetResult();

    public void Begin() => Interlocked.Increment(ref _inFlight);

    public void End()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _handled);
    }

    public async Task<bool> IsQuietAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _inFlight) > 0)
        {
            return false;
        }

        foreach (var name in StageQueues)
        {
            if (await queues.GetQueue(name).GetApproximateCountAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                return false;
            }
        }

        return Volatile.Read(ref _inFlight) == 0;
    }

    /// <summary>
    /// Waits until the pipeline has been quiet for <paramref name="settle"/> without interruption. A check that fails
    /// because the queues cannot be reached (a storage outage, each check already retried by the storage client)
    /// counts as "not quiet"; after <see cref="MaxFailedChecks"/> failures in a row the last error is thrown.
    /// </summary>
    public async Task WaitUntilQuietAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        var quietSince = (DateTimeOffset?)null;
        var handledAtQuiet = Handled;
        var failedChecks = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool quiet;
            try
            {
                quiet = await IsQuietAsync(cancellationToken).ConfigureAwait(false);
                failedChecks = 0;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && ++failedChecks < MaxFailedChecks)
            {
                quiet = false;
            }

            if (quiet && Handled == handledAtQuiet)
            {
                quietSince ??= DateTimeOffset.UtcNow;
                if (DateTimeOffset.UtcNow - quietSince >= settle)
                {
                    return;
                }
            }
            else
            {
                quietSince = null;
                handledAtQuiet = Handled;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }
}
