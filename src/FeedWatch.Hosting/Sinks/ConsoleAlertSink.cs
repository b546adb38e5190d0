using FeedWatch.Core.Alerts;

namespace FeedWatch.Hosting.Sinks;

/// <summary>Prints each alert as one line on standard output: the simplest way to watch a local run.</summary>
public sealed class ConsoleAlertSink(TextWriter? output = null) : IAlertSink
{
    private static readonly Lock WriteLock = new();

    public string Name => "console";

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var line = $"ALERT {alert.DetectedAt:yyyy-MM-dd HH:mm:ss}Z  \"{alert.StoryTitle}\" reached {alert.Outlet} " +
                   $"({alert.Relation.ToString().ToLowerInvariant()}, score {alert.Score:0.00}, {alert.OutletsSoFar.Count} outlets so far)  {alert.ArticleUrl}";
        lock (WriteLock)
        {
            (output ?? Console.Out).WriteLine(line);
        }

        return Task.CompletedTask;
    }
}
