using FeedWatch.Core.Alerts.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Alerts;

/// <summary>Reloads dashboard-edited alert settings every <see cref="Interval"/>, so other workers pick up edits too.</summary>
public sealed partial class StoredAlertSettingsRefresher(StoredStoryAlertSettingsProvider provider, ILogger<StoredAlertSettingsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await provider.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep the last good snapshot: stale settings are better than no alerts.
                LogRefreshFailed(logger, ex);
            }

            await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload stored alert settings; keeping the previous ones")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
