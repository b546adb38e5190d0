using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch alerts tail [--json] [--last N] [--count N]`: prints the last few alerts, then follows new ones as the
/// pipeline (in this or another process) records them, until Ctrl+C. It polls the alert documents of today and
/// yesterday (UTC) in the store, so it works the same on the embedded folder and on Azure Storage.
/// </summary>
public static class AlertsTailCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = CommonOptions.Json("each alert document (CloudEvent)");
        var last = new Option<int>("--last") { Description = "Print this many recent alerts before following.", DefaultValueFactory = _ => 10 };
        var count = new Option<int>("--count") { Description = "Exit after this many NEW alerts (0 = follow until Ctrl+C)." };
        var interval = new Option<double>("--interval") { Description = "Seconds between looks at the store.", DefaultValueFactory = _ => 1.0 };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command("tail", "Follow new spread alerts live (Ctrl+C stops).") { json, last, count, interval, data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            var asJson = parseResult.GetValue(json);
            StoriesCommand.PrintDataFolder(context, host, asJson);
            var blobs = host.Services.GetRequiredService<IBlobStore>();
            var time = host.Services.GetRequiredService<TimeProvider>();
            var pause = TimeSpan.FromSeconds(Math.Max(0.05, parseResult.GetValue(interval)));
            var stopAfter = parseResult.GetValue(count);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var initial = await ReadNewAsync(blobs, time, seen, cancellationToken);
            foreach (var alert in initial.TakeLast(Math.Max(0, parseResult.GetValue(last)))) Print(context, alert, asJson);
            if (!asJson) context.Console.MarkupLine("[dim]Following new alerts — Ctrl+C stops.[/]");

            var printed = 0;
            try
            {
                while (stopAfter == 0 || printed < stopAfter)
                {
                    await Task.Delay(pause, time, cancellationToken);
                    foreach (var alert in await ReadNewAsync(blobs, time, seen, cancellationToken))
                    {
                        Print(context, alert, asJson);
                        if (++printed == stopAfter) break;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: a normal way to stop following.
            }

            return 0;
        });
        return command;
    }

    // Alert documents live under alerts/{yyyy}/{MM}/{dd}/ by detection day; yesterday is included for alerts detected
    // just before midnight and recorded just after.
    private static async Task<List<AlertEnvelope>> ReadNewAsync(IBlobStore blobs, TimeProvider time, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var today = time.GetUtcNow().UtcDateTime;
        var found = new List<AlertEnvelope>();
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            var prefix = "alerts/" + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);
            await foreach (var info in blobs.ListAsync(prefix, cancellationToken))
            {
                if (!info.Name.EndsWith(".json", StringComparison.Ordinal) || !seen.Add(info.Name)) continue;
                var blob = await blobs.GetAsync(info.Name, cancellationToken);
                if (blob is null) continue;
                try
                {
                    found.Add(JsonSerializer.Deserialize<AlertEnvelope>(blob.Content.Span, FeedWatchJson.Options)!);
                }
                catch (JsonException)
                {
                    // A document of another version or a partial copy: skip it rather than stop following.
                }
            }
        }

        return [.. found.OrderBy(a => a.Time).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    private static void Print(CliContext context, AlertEnvelope alert, bool asJson)
    {
        if (asJson)
        {
            context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(alert, FeedWatchJson.Options));
            context.Console.Profile.Out.Writer.Flush();
            return;
        }

        var data = alert.Data;
        context.Console.MarkupLine(
            $"[bold green]ALERT[/] {data.DetectedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}  [bold]{Markup.Escape(data.StoryTitle)}[/] reached " +
            $"[yellow]{Markup.Escape(data.Outlet)}[/] ({data.Relation.ToString().ToLowerInvariant()}, score {data.Score.ToString("0.00", CultureInfo.InvariantCulture)}; {data.OutletsSoFar.Count} outlets so far)");
        context.Console.MarkupLine($"      [dim]{Markup.Escape(data.ArticleTitle ?? "")} — {Markup.Escape(data.ArticleUrl)}[/]");
    }
}
