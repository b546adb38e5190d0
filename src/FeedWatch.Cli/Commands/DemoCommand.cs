using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FeedWatch.Cli.Demo;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Core.Pipeline.Tracking;
using FeedWatch.Hosting.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch demo`: five fictional outlets on loopback publish, over about twenty seconds, their versions of one
/// story (copy, rewrite, spun copy, aggregator) among unrelated news. The story is tracked from the first outlet's
/// page, the real pipeline runs, and each spread alert is printed the moment it is delivered.
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(55);

    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data")
        {
            Description = "Keep the demo's stores in this folder (then `feedwatch stories --data DIR` shows them). Default: a fresh temporary folder, deleted afterwards.",
            HelpName = "DIR",
        };
        var storage = CommonOptions.Storage();
        var command = new Command("demo", "Watch a story spread across five fictional outlets on loopback, in under a minute.") { data, storage };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var keep = parseResult.GetValue(data);
            var folder = keep ?? Path.Combine(Path.GetTempPath(), "feedwatch-demo-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                return await RunAsync(context, folder, parseResult.GetValue(storage), cancellationToken);
            }
            finally
            {
                if (keep is null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string folder, string? storage, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var corpus = DemoCorpus.Load();
        await using var server = new LoopbackOutletServer(corpus.Sites);
        await server.StartAsync(cancellationToken);

        var settings = new Dictionary<string, string?>
        {
            ["FeedWatch:Workers:ScheduleInterval"] = "00:00:01",
            ["FeedWatch:Workers:RetryDelay"] = "00:00:01",
            ["FeedWatch:Pipeline:MinPollInterval"] = "00:00:01",
        };
        // The demo's own outlets listen on loopback: host-mapped entries to 127.0.0.1 need private addresses allowed.
        settings["FeedWatch:Http:AllowPrivateAddresses"] = "true";
        var index = 0;
        foreach (var site in corpus.Sites)
        {
            settings[$"FeedWatch:Http:HostMap:{site.Host}"] = "127.0.0.1";
            settings[$"FeedWatch:Feeds:{index}:Url"] = server.FeedUrl(site.Host);
            settings[$"FeedWatch:Feeds:{index}:Name"] = site.Name;
            settings[$"FeedWatch:Feeds:{index}:PollInterval"] = "2s";
            index++;
        }

        using var host = CliHost.Build(context, folder, settings, localHost: true, printAlerts: true, storage: storage);
        context.Console.MarkupLine($"[dim]{Markup.Escape(CliHost.DescribeStorage(host))}[/]");
        context.Console.MarkupLine($"Serving {corpus.Sites.Count} fictional outlets on 127.0.0.1:{server.Port}: " +
                                   Markup.Escape(string.Join(", ", corpus.Sites.Select(s => s.Host))));

        var seedUrl = new Uri(server.PageUrl(corpus.SeedHost, corpus.SeedPage));
        var tracked = await host.Services.GetRequiredService<StoryTracker>().TrackUrlAsync(seedUrl, null, cancellationToken);
        context.Console.MarkupLine($"Tracking [bold]{Markup.Escape(tracked.Title)}[/] from {Markup.Escape(tracked.Outlet)}; other outlets publish over the next ~20 s.");
        context.Console.WriteLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline - stopwatch.Elapsed);
        await host.StartAsync(timeout.Token);
        try
        {
            var activity = host.Services.GetRequiredService<PipelineActivity>();
            while (!server.AllReleased)
            {
                await Task.Delay(250, timeout.Token);
            }

            // One more poll cycle after the last release, then let the queues drain.
            await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
            await activity.WaitUntilQuietAsync(TimeSpan.FromSeconds(1), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            context.Console.MarkupLine("[yellow]The demo hit its time limit before the pipeline went quiet.[/]");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        var queries = host.Services.GetRequiredService<PipelineQueries>();
        var stories = await queries.ListStoriesAsync(cancellationToken);
        var story = stories.Single(s => s.Id == tracked.StoryId);
        context.Console.WriteLine();
        var table = new Table().Title("How the tracked story spread").AddColumns("Outlet", "First seen", "Relation", "Score", "Article");
        foreach (var outlet in story.Outlets)
        {
            table.AddRow(
                Markup.Escape(outlet.Outlet),
                outlet.DetectedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                outlet.Relation?.ToString().ToLowerInvariant() ?? "origin",
                outlet.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(outlet.ArticleTitle ?? ""));
        }

        context.Console.Write(table);
        context.Console.MarkupLine(
            $"{story.AlertCount} spread alerts, {await queries.CountArticlesAsync(cancellationToken)} articles stored, {stories.Count} stories in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
