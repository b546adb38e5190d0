using FeedWatch.Core.Pipeline.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FeedWatch.Hosting.Workers;

/// <summary>The local host's timer trigger: runs start-up recovery once, then the schedule stage every interval.</summary>
public sealed class ScheduleWorker(
    IServiceScopeFactory scopes,
    StartupRecovery recovery,
    PipelineActivity activity,
    IOptions<WorkerOptions> options,
    StorageFault fault,
    ILogger<ScheduleWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recovery.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (fault.StopIfFatal(ex, "Start-up recovery"))
        {
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Start-up recovery failed; the pipeline runs on, undelivered alerts wait for the next start");
        }

        using var timer = new PeriodicTimer(options.Value.ScheduleInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IFeedScheduler>().ScheduleDueFeedsAsync(stoppingToken).ConfigureAwait(false);
                activity.ScheduleTickCompleted();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (fault.StopIfFatal(ex, "Schedule tick"))
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Schedule tick failed; trying again in {Interval}", options.Value.ScheduleInterval);
                activity.ScheduleTickCompleted();
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
