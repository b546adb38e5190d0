using System.CommandLine;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Pipeline.Queries;
using FeedWatch.Hosting.Configuration;
using FeedWatch.Hosting.Workers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FeedWatch.Cli.Commands;

/// <summary>`feedwatch run [--feeds FILE] [--until-quiet]`: the long-running local host on the embedded store. Ctrl+C stops it cleanly.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var feeds = new Option<FileInfo?>("--feeds") { Description = "The feeds file (JSON or YAML) listing feeds and tracked stories; re-read on every schedule tick.", HelpName = "FILE" };
        var untilQuiet = new Option<bool>("--until-quiet") { Description = "Poll every feed once, finish all the work that causes, then exit (for cron jobs and tests)." };
        var quiet = new Option<bool>("--quiet") { Description = "Log warnings and errors only." };
        var data = CommonOptions.Data();
        var storage = CommonOptions.Storage();
        var urls = new Option<string?>("--urls") { Description = $"Also serve the story dashboard there while running, e.g. {ServeCommand.DefaultUrls}.", HelpName = "URLS" };
        var allowPrivate = new Option<bool>("--allow-private-addresses")
        {
            Description = "Allow fetches from loopback and private addresses (FeedWatch:Http:AllowPrivateAddresses), e.g. for a feeds file from `feedwatch replay` whose hostMap points to 127.0.0.1.",
        };
        var command = new Command("run", "Run the pipeline: poll feeds, store articles, group stories, alert on spread.") { feeds, untilQuiet, quiet, data, storage, urls, allowPrivate };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new Dictionary<string, string?>();
            if (parseResult.GetValue(allowPrivate))
            {
                settings["FeedWatch:Http:AllowPrivateAddresses"] = "true";
            }

            if (parseResult.GetValue(feeds) is { } file)
            {
                try
                {
                    var parsed = FeedsFileLoader.Load(file.FullName);
                    context.Console.MarkupLine($"[dim]Feeds file: {Markup.Escape(file.FullName)} ({parsed.Feeds.Count} feeds, {parsed.Tracked.Count} tracked stories)[/]");

                    // A feeds file may carry host mappings (e.g. written by `feedwatch replay`); they join FeedWatch:Http:HostMap.
                    // Entries to non-public addresses are honoured only with AllowPrivateAddresses (the fetcher logs which).
                    foreach (var (hostName, address) in parsed.HostMap)
                    {
                        settings[$"FeedWatch:Http:HostMap:{hostName}"] = address;
                    }
                }
                catch (FeedsFileException ex)
                {
                    await context.Error.WriteLineAsync("error: " + ex.Message);
                    return 2;
                }

                settings["FeedWatch:FeedsFile"] = file.FullName;
            }

            var logLevel = parseResult.GetValue(quiet) ? LogLevel.Warning : LogLevel.Information;
            using var host = CliHost.Build(context, parseResult.GetValue(data), settings, localHost: true, logLevel: logLevel, printAlerts: true, storage: parseResult.GetValue(storage), dashboardUrls: parseResult.GetValue(urls));
            context.Console.MarkupLine($"[dim]{Markup.Escape(CliHost.DescribeStorage(host))}[/]");
            if (!parseResult.GetValue(untilQuiet))
            {
                context.Console.MarkupLine("[dim]Running; press Ctrl+C to stop.[/]");
                try
                {
                    CreateWorkers(host);
                    await host.RunAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl+C: the host stopped its workers; unfinished messages are redelivered next time.
                }

                return await ReportFatalAsync(context, host) ? 1 : 0;
            }

            try
            {
                await RunUntilQuietAsync(host, TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                if (!await ReportFatalAsync(context, host))
                {
                    await context.Error.WriteLineAsync("error: " + ex.Message);
                }

                return 1;
            }

            var queries = host.Services.GetRequiredService<PipelineQueries>();
            var stories = await queries.ListStoriesAsync(cancellationToken);
            context.Console.MarkupLine(
                $"Done: {await queries.CountArticlesAsync(cancellationToken)} articles stored, {stories.Count} stories " +
                $"({stories.Count(s => s.Tracked)} tracked), {stories.Sum(s => s.AlertCount)} alerts in total.");
            return 0;
        });
        return command;
    }

    /// <summary>Prints the storage fault that stopped the host (read-only, permission denied, disk full), if one did.</summary>
    private static async Task<bool> ReportFatalAsync(CliContext context, IHost host)
    {
        if (host.Services.GetService<StorageFault>()?.Fatal is not { } fatal)
        {
            return false;
        }

        await context.Error.WriteLineAsync("error: " + StorageFault.Describe(fatal) + " Nothing was lost: unfinished work stays on the queues for the next run.");
        return true;
    }

    /// <summary>
    /// Creates the workers (and the storage they open) before the host starts, so a data folder that cannot be written
    /// (permission denied on creating its queue folders) reaches <see cref="StorageFaultGuard"/> as one clear line, not
    /// as the host's "Hosting failed to start" log entry with a stack trace.
    /// </summary>
    private static void CreateWorkers(IHost host) => _ = host.Services.GetServices<IHostedService>().ToList();

    /// <summary>Starts the host, waits for one schedule tick and for every queue to drain, then stops it cleanly.</summary>
    public static async Task RunUntilQuietAsync(IHost host, TimeSpan settle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        CreateWorkers(host);
        await host.StartAsync(cancellationToken);
        try
        {
            // A host that stops on its own (a background service failed) never goes quiet: stop waiting and say so.
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            var activity = host.Services.GetRequiredService<PipelineActivity>();
            try
            {
                await activity.FirstScheduleTick.WaitAsync(waiting.Token);
                await activity.WaitUntilQuietAsync(settle, waiting.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException("The host stopped before the pipeline went quiet (see the errors above); unfinished work stays on the queues for the next run.");
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
