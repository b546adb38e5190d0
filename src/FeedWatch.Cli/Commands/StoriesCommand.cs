using System.CommandLine;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch stories [--json]`: every story with its outlets, tracked stories first.</summary>
public static class StoriesCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json("the stories");
        var limit = new Option<int>("--limit") { Description = "Show at most this many stories (0 = all).", DefaultValueFactory = _ => 50 };
        var trackedOnly = new Option<bool>("--tracked") { Description = "Only tracked stories." };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var command = new Command("stories", "List stories: outlets reached, first and last seen.") { json, limit, trackedOnly, data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = CliHost.Build(context, parseResult.GetValue(data), storage: parseResult.GetValue(storage));
            var asJson = parseResult.GetValue(json);
            PrintDataFolder(context, host, asJson);
            var stories = (await host.Services.GetRequiredService<PipelineQueries>().ListStoriesAsync(cancellationToken))
                .Where(s => !parseResult.GetValue(trackedOnly) || s.Tracked);
            if (parseResult.GetValue(limit) > 0)
            {
                stories = stories.Take(parseResult.GetValue(limit));
            }

            if (asJson)
            {
                foreach (var story in stories)
                {
                    context.Console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(story, FeedWatchJson.Options));
                }

                return 0;
            }

            var table = new Table().AddColumns("Story", "Title", "Outlets", "Articles", "First seen", "Last seen", "Follows");
            foreach (var story in stories)
            {
                var outlets = string.Join(", ", story.Outlets.Select(o => o.Outlet).Take(3)) + (story.Outlets.Count > 3 ? $" +{story.Outlets.Count - 3}" : "");
                table.AddRow(
                    (story.Tracked ? "[green]*[/] " : "  ") + Markup.Escape(story.Id),
                    Markup.Escape(story.Title.Length > 48 ? story.Title[..45] + "..." : story.Title),
                    Markup.Escape(outlets),
                    story.ArticleCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Format(story.FirstSeen),
                    Format(story.LastSeen),
                    Markup.Escape(story.Follows ?? ""));
            }

            context.Console.Write(table);
            context.Console.MarkupLine("[dim][green]*[/] tracked story (alerts when it reaches a new outlet); Follows: the earlier story of the same saga this one continues[/]");
            return 0;
        });
        return command;
    }

    internal static void PrintDataFolder(CliContext context, Microsoft.Extensions.Hosting.IHost host, bool toError)
    {
        var line = CliHost.DescribeStorage(host);
        if (toError)
        {
            context.Error.WriteLine(line); // keep stdout pure JSON Lines
        }
        else
        {
            context.Console.MarkupLine($"[dim]{Markup.Escape(line)}[/]");
        }
    }

    private static string Format(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
