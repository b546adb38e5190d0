using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch alerts --failed [--json]`: deliveries that failed every attempt and wait in the parking area.</summary>
public static class AlertsFailedCommand
{
    public static Option<bool> CreateOption() => new("--failed")
    {
        Description = "List parked deliveries (a sink failed every attempt) instead of recent alerts; re-send them with `feedwatch alerts retry`.",
    };

    public static async Task<int> RunAsync(CliContext context, string? dataDirectory, string? storage, bool asJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var host = CliHost.Build(context, dataDirectory, storage: storage);
        StoriesCommand.PrintDataFolder(context, host, asJson);
        var parked = await host.Services.GetRequiredService<AlertDeliveryStore>().ListParkedAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        if (asJson)
        {
            foreach (var item in parked) context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(item, FeedWatchJson.Options));
            return 0;
        }

        var table = new Table().AddColumns("Alert", "Sink", "Story", "Outlet", "Attempts", "Last failed", "Error");
        foreach (var item in parked.OrderBy(p => p.LastFailedAt))
        {
            var outlets = item.Notification.Alert?.Outlet ?? string.Join(", ", item.Notification.Digest!.Alerts.Select(a => a.Outlet));
            var story = item.Notification.Alert?.StoryTitle ?? item.Notification.Digest!.StoryTitle;
            table.AddRow(
                Markup.Escape(item.Id),
                Markup.Escape(item.Sink),
                Markup.Escape(story.Length > 30 ? story[..27] + "..." : story),
                Markup.Escape(outlets),
                item.Attempts.ToString(CultureInfo.InvariantCulture),
                item.LastFailedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(item.LastError.Length > 60 ? item.LastError[..57] + "..." : item.LastError));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(parked.Count == 0
            ? "[green]No parked deliveries.[/]"
            : $"[yellow]{parked.Count} parked deliver{(parked.Count == 1 ? "y" : "ies")}[/] — re-send with [bold]feedwatch alerts retry [[ID]][/]");
        return 0;
    }
}
