using FeedWatch.Core.Pipeline.Scheduling;
using FeedWatch.Functions.Composition;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Functions;

/// <summary>
/// Schedule stage: on every tick of %FEEDWATCH_SCHEDULE% enqueue a poll for each feed whose interval is due.
/// The tick only decides "who is due"; each feed's own poll interval lives in the feeds configuration.
/// </summary>
public sealed class ScheduleFeedsFunction(IFeedScheduler scheduler, ILogger<ScheduleFeedsFunction> logger)
{
    [Function(FunctionNames.ScheduleFeeds)]
    public async Task RunAsync(
        [TimerTrigger(FunctionSettings.ScheduleExpression)] TimerInfo timer,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);

        if (timer.IsPastDue)
        {
            // A missed tick (app scaled to zero, host restart) is harmless: due feeds are simply found now.
            logger.LogWarning("Schedule tick is past due (last {LastTick}); scheduling due feeds now", timer.ScheduleStatus?.Last);
        }

        var enqueued = await scheduler.ScheduleDueFeedsAsync(cancellationToken).ConfigureAwait(false);

        logger.LogInformation("Scheduled {FeedCount} due feeds for polling (invocation {InvocationId}; next tick {NextTick})",
            enqueued, context.InvocationId, timer.ScheduleStatus?.Next);
    }
}
