using System.CommandLine;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Corpus;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch replay --corpus FILE.jsonl [--port N] [--speed X] [--feeds-out FILE]`: serves a story corpus as live outlets
/// on 127.0.0.1 (one RSS feed per outlet, HTML article pages), releasing articles in published order, and writes the
/// feeds file (feeds + host map) that `feedwatch run` takes. Runs until Ctrl+C.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "Story corpus, JSON Lines: {id, story, outlet, url, published, title, text, lang}.", Required = true };
        var port = new Option<int>("--port") { Description = "Loopback port to serve every outlet on (0 = any free port).", DefaultValueFactory = _ => 8089 };
        var speed = new Option<string>("--speed") { Description = "Time compression of the corpus timestamps (3600 = an hour per second), or \"all\" to release everything at once.", DefaultValueFactory = _ => "3600" };
        var feedsOut = new Option<FileInfo?>("--feeds-out") { Description = "Write the feeds configuration (feeds + host map) for `feedwatch run` here." };
        var pollInterval = new Option<TimeSpan>("--poll-interval") { Description = "Poll interval written into the feeds file.", DefaultValueFactory = _ => TimeSpan.FromSeconds(5) };
        var maxItems = new Option<int?>("--max-items") { Description = "List only the newest N released items per feed (default: every released item)." };
        var command = new Command("replay", "Serve a story corpus as live feeds and article pages on 127.0.0.1, to test FeedWatch or your own configuration.")
        {
            corpus, port, speed, feedsOut, pollInterval, maxItems,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ReplaySpeed.TryParse(parse.GetValue(speed), out var replaySpeed))
            {
                await Console.Error.WriteLineAsync($"error: --speed must be a positive number or \"all\", not \"{parse.GetValue(speed)}\".").ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(parse.GetValue(corpus)!, parse.GetValue(port), replaySpeed, parse.GetValue(feedsOut), parse.GetValue(pollInterval), parse.GetValue(maxItems), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(FileInfo corpusFile, int port, ReplaySpeed speed, FileInfo? feedsOut, TimeSpan pollInterval, int? maxItems, CancellationToken cancellationToken)
    {
        // SIGTERM (kill, systemd, docker stop) stops the replay like Ctrl+C does; there is no generic host here to do it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = OperatingSystem.IsWindows() ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stopping.Cancel();
            });
        cancellationToken = stopping.Token;

        IReadOnlyList<CorpusArticle> articles;
        try
        {
            articles = CorpusReader.ReadFile(corpusFile.FullName);
        }
        catch (Exception ex) when (ex is CorpusFormatException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: cannot read the corpus: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var plan = ReplayPlan.Create(articles, speed);
        ReplayServer server;
        try
        {
            server = await ReplayServer.StartAsync(plan, new ReplayServerOptions { Port = port, MaxItemsPerFeed = maxItems }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"error: cannot listen on 127.0.0.1:{port}: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (server.ConfigureAwait(false))
        {
            AnsiConsole.MarkupLine($"Replaying [bold]{plan.Articles.Count}[/] articles from [bold]{plan.Outlets.Count}[/] outlets at {Markup.Escape(speed.ToString())} on 127.0.0.1:{server.Port} (corpus span played in {plan.Duration:g}).");
            AnsiConsole.MarkupLine($"Example feed: {Markup.Escape(server.FeedUrls[0].AbsoluteUri)} (host names map to 127.0.0.1 through FeedWatch:Http:HostMap).");
            if (feedsOut is not null)
            {
                WriteFeedsFile(server.CreateFeedsFile(pollInterval), feedsOut);
                AnsiConsole.MarkupLine($"Feeds file for `feedwatch run --allow-private-addresses --feeds {Markup.Escape(feedsOut.FullName)}`: [bold]{Markup.Escape(feedsOut.FullName)}[/]");
            }

            try
            {
                await ShowProgressAsync(server, cancellationToken).ConfigureAwait(false);
                AnsiConsole.MarkupLine($"All {plan.Articles.Count} articles released; still serving. Press Ctrl+C to stop.");
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                AnsiConsole.MarkupLine($"Stopped. Served {server.Statistics.FeedRequests} feed requests ({server.Statistics.NotModified} not modified) and {server.Statistics.ArticleRequests} article pages.");
            }
        }

        return 0;
    }

    private static void WriteFeedsFile(ReplayFeedsFile file, FileInfo destination)
    {
        destination.Directory?.Create();
        // Written beside the target then moved, so `feedwatch run` never reads half a file.
        var temporary = destination.FullName + ".tmp";
        using (var stream = File.Create(temporary))
        {
            new FeedsFileJsonFormat().Write(file, stream);
        }

        File.Move(temporary, destination.FullName, overwrite: true);
    }

    private static Task ShowProgressAsync(ReplayServer server, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("articles released", maxValue: server.Plan.Articles.Count);
                while (true)
                {
                    task.Value = server.ReleasedCount;
                    if (server.AllReleased)
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
                }
            });
}
