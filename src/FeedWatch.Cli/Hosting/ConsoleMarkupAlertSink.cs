using FeedWatch.Core.Alerts;
using Spectre.Console;

namespace FeedWatch.Cli.Hosting;

/// <summary>Prints each spread alert as it is delivered, for `feedwatch run` and `feedwatch demo`.</summary>
public sealed class ConsoleMarkupAlertSink(IAnsiConsole console) : IAlertSink
{
    private static readonly Lock WriteLock = new();

    public string Name => "console";

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (WriteLock)
        {
            console.MarkupLine(
                $"[bold green]ALERT[/] {alert.DetectedAt:HH:mm:ss}  [bold]{Markup.Escape(alert.StoryTitle)}[/] reached [yellow]{Markup.Escape(alert.Outlet)}[/] " +
                $"({alert.Relation.ToString().ToLowerInvariant()}, score {alert.Score:0.00}; {alert.OutletsSoFar.Count} outlets so far)");
            console.MarkupLine($"      [dim]{Markup.Escape(alert.ArticleTitle ?? "")} — {Markup.Escape(alert.ArticleUrl)}[/]");
        }

        return Task.CompletedTask;
    }
}
