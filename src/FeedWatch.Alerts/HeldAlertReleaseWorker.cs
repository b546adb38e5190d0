using FeedWatch.Core.Alerts.Delivery;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Alerts;

/// <summary>
/// Sends held alerts when they fall due (digest period over, quiet hours ended, rate-limit window freed) even if no
/// new alert arrives to trigger it. Runs in the local host; the Functions app calls the same ReleaseDueAsync from a timer.
/// </summary>
public sealed partial class HeldAlertReleaseWorker(IAlertDelivery delivery, TimeProvider time, ILogger<HeldAlertReleaseWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var released = await delivery.ReleaseDueAsync(stoppingToken).ConfigureAwait(false);
                if (released > 0) LogReleased(logger, released);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Held alerts stay in their state blobs; the next tick tries again.
                LogReleaseFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} held alert batches")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing held alerts failed")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);
}
