using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Status;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch status [--json]`: the pipeline's health — queue depths and poison counts per stage, feeds by state with
/// the worst few, the last poll, article and alert, and the alert sinks' parked deliveries. The same document as the
/// dashboard's GET /api/status. Exit code 0 when healthy, 1 when something needs attention: usable as a health probe.
/// </summary>
public static class StatusCommand
{
    public const int Healthy = 0;
    public const int NeedsAttention = 1;

    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as one JSON document (the same as GET /api/status)." };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command("status", "Show the pipeline's health: queues, poison, feeds, last activity, alert sinks. Exit code 1 when something needs attention.")
        {
            json, data, storage,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            var asJson = parseResult.GetValue(json);
            StoriesCommand.PrintDataFolder(context, host, asJson);
            var status = await host.Services.GetRequiredService<PipelineStatusReader>().ReadAsync(cancellationToken);
            if (asJson)
            {
                context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(status, FeedWatchJson.Options));
            }
            else
            {
                Print(context.Console, status);
            }

            return status.Healthy ? Healthy : NeedsAttention;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, PipelineStatus status)
    {
        console.MarkupLine(status.Healthy ? "[green]Healthy[/]" : "[yellow]Needs attention:[/]");
        foreach (var item in status.Attention)
        {
            console.MarkupLine("  - " + Markup.Escape(item));
        }

        var queues = new Table().Title("Queues").AddColumns("Stage", "Queue", "Depth", "Poison");
        foreach (var queue in status.Queues)
        {
            queues.AddRow(queue.Stage, queue.Queue, Number(queue.Depth), queue.Poison > 0 ? $"[red]{Number(queue.Poison)}[/]" : "0");
        }

        console.Write(queues);
        var feeds = status.Feeds;
        console.MarkupLine(Markup.Escape(
            $"Feeds: {feeds.Total} — {feeds.Ok} ok, {feeds.Failing} failing, {feeds.BackingOff} backing off, {feeds.Gone} gone, {feeds.New} new"));
        if (feeds.Worst.Count > 0)
        {
            var worst = new Table().Title("Feeds needing a look").AddColumns("Feed", "State", "Failures", "Last error", "Next poll");
            foreach (var feed in feeds.Worst)
            {
                worst.AddRow(Markup.Escape(feed.FeedId), feed.State, Number(feed.ConsecutiveFailures), Markup.Escape(feed.LastError ?? ""), Time(feed.NextPollAt));
            }

            console.Write(worst);
        }

        console.MarkupLine(Markup.Escape($"Last poll {Time(status.LastPollAt)}, last article {Time(status.LastArticleAt)}, last alert {Time(status.LastAlertAt)}"));
        var sinks = new Table().Title("Alert sinks").AddColumns("Sink", "Parked", "Last failure", "Error");
        foreach (var sink in status.Sinks)
        {
            sinks.AddRow(Markup.Escape(sink.Name), Number(sink.Parked), Time(sink.LastFailedAt), Markup.Escape(sink.LastError ?? ""));
        }

        console.Write(sinks);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never";
}
