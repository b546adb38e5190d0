using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch alerts [--json]`: recent spread alerts; with --json the stored CloudEvent documents themselves.
/// `--failed`, `tail` and `retry` live in their own Alerts*Command files.
/// </summary>
public static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json("the alert documents (CloudEvents)");
        var limit = new Option<int>("--limit") { Description = "Show the most recent N alerts (0 = all).", DefaultValueFactory = _ => 50 };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var failed = AlertsFailedCommand.CreateOption();
        var command = new Command("alerts", "List recent spread alerts, oldest first.") { json, limit, data, storage, failed };
        command.Subcommands.Add(AlertsTailCommand.Create(context));
        command.Subcommands.Add(AlertsRetryCommand.Create(context));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(failed))
            {
                return await AlertsFailedCommand.RunAsync(context, parseResult.GetValue(data), parseResult.GetValue(storage), parseResult.GetValue(json), cancellationToken);
            }

            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            var asJson = parseResult.GetValue(json);
            StoriesCommand.PrintDataFolder(context, host, asJson);
            var alerts = await host.Services.GetRequiredService<PipelineQueries>().ListAlertsAsync(parseResult.GetValue(limit), cancellationToken);
            if (asJson)
            {
                foreach (var alert in alerts)
                {
                    context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(alert, FeedWatchJson.Options));
                }

                return 0;
            }

            var table = new Table().AddColumns("Detected", "Story", "Outlet", "Relation", "Score", "Article");
            foreach (var alert in alerts)
            {
                var data = alert.Data;
                table.AddRow(
                    data.DetectedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(data.StoryTitle.Length > 40 ? data.StoryTitle[..37] + "..." : data.StoryTitle),
                    Markup.Escape(data.Outlet),
                    data.Relation.ToString().ToLowerInvariant(),
                    data.Score.ToString("0.00", CultureInfo.InvariantCulture),
                    Markup.Escape(data.ArticleUrl));
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"[dim]{alerts.Count} alert(s)[/]");
            return 0;
        });
        return command;
    }
}
