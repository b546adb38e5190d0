namespace FeedWatch.Core.Pipeline.Scheduling;

/// <summary>The timer-triggered stage: enqueues a poll for every feed that is due. Returns how many were enqueued.</summary>
public interface IFeedScheduler
{
    Task<int> ScheduleDueFeedsAsync(CancellationToken cancellationToken = default);
}
