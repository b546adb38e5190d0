using FeedWatch.Hosting.Workers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Functions.Composition;

/// <summary>
/// Runs the local host's start-up recovery when a worker instance starts. Several instances may run it at once:
/// tracking a story twice is a no-op and a re-enqueued alert is delivered once (the outbox marks it delivered; Service
/// Bus drops a duplicate MessageId). A failure is logged and never stops the worker: the triggers keep working.
/// </summary>
public sealed class StartupRecoveryService(StartupRecovery recovery, ILogger<StartupRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await recovery.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Instance shutting down.
        }
#pragma warning disable CA1031 // recovery is best effort: the next instance start (or the next classify retry) runs it again
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Start-up recovery failed; tracked stories from the feeds file or undelivered alerts may wait for the next instance start");
        }
    }
}
