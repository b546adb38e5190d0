using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FeedWatch.Cli.Hosting;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Scheduling;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Hosting.Workers;
using FeedWatch.Replay.Configuration;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Cli.Load;

/// <summary>
/// The whole pipeline under load: a loopback replay serves many feeds whose items change every cycle; the real
/// host (the same composition as `feedwatch run`) schedules, polls, fetches, classifies and alerts. Each cycle
/// releases one batch per feed, schedules every feed once and waits until every queue is drained; afterwards the
/// store is counted against what was served.
/// </summary>
public sealed class PipelineLoadRun(CliContext context)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <param name="progress">Called about once a second: (cycle, messages handled so far, messages expected in all).</param>
    public async Task<LoadRunReport> RunAsync(LoadRunOptions options, Action<int, long, long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.Limit);
        var token = limit.Token;

        var corpus = SyntheticLoadCorpus.Create(options.Feeds, options.Cycles, options.ItemsPerCycle);
        var clock = new SteppedClock(DateTimeOffset.UnixEpoch);
        var plan = ReplayPlan.Create(corpus, ReplaySpeed.Compressed(3600));
        var work = Directory.CreateTempSubdirectory("feedwatch-load-").FullName;
        try
        {
            await using var server = await ReplayServer.StartAsync(
                plan, new ReplayServerOptions { TimeProvider = clock, MaxItemsPerFeed = 2 * (options.ItemsPerCycle + 1) }, token).ConfigureAwait(false);
            var settings = new Dictionary<string, string?>
            {
                ["FeedWatch:FeedsFile"] = WriteFeedsFile(server, work),
                // Only this run schedules after the first tick: one poll of every feed per cycle.
                ["FeedWatch:Workers:ScheduleInterval"] = "1.00:00:00",
            };
            settings["FeedWatch:Http:AllowPrivateAddresses"] = "true"; // the in-process replay listens on loopback
            foreach (var (hostName, address) in server.HostMap)
            {
                settings[$"FeedWatch:Http:HostMap:{hostName}"] = address;
            }

            if (options.Storage is not null)
            {
                // A fresh container per run, so earlier runs' articles are not counted.
                settings["FeedWatch:Storage:Container"] = "load-" + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            }

            var expectedMessages = (long)options.Cycles * options.Feeds * (1 + (2 * options.ItemsPerCycle));
            using var host = CliHost.Build(context, options.DataDirectory ?? Path.Combine(work, "data"), settings, localHost: true, logLevel: LogLevel.Warning, storage: options.Storage);
            var activity = host.Services.GetRequiredService<PipelineActivity>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clockWatch = Stopwatch.StartNew();
            var cycle = 0;
            using var reporter = new Timer(_ => progress?.Invoke(Volatile.Read(ref cycle), activity.Handled, expectedMessages), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            try
            {
                for (; cycle < options.Cycles; cycle++)
                {
                    // Cycle c's items are published c corpus hours in (c seconds at 3600x): half a second first,
                    // then a second per cycle, keeps every step clear of the boundaries.
                    clock.Advance(TimeSpan.FromSeconds(cycle == 0 ? 0.5 : 1));
                    if (cycle == 0)
                    {
                        await host.StartAsync(token).ConfigureAwait(false);
                        await activity.FirstScheduleTick.WaitAsync(token).ConfigureAwait(false);
                    }
                    else
                    {
                        await ScheduleEveryFeedAsync(host, options.Feeds, token).ConfigureAwait(false);
                    }

                    await activity.WaitUntilQuietAsync(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
                }
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            clockWatch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            progress?.Invoke(options.Cycles, activity.Handled, expectedMessages);
            var census = await LoadCensus.TakeAsync(
                host.Services.GetRequiredService<IBlobStore>(), host.Services.GetRequiredService<IQueueProvider>(), cancellationToken).ConfigureAwait(false);
            return Report(options, plan, server, census, activity.Handled, clockWatch.Elapsed, cpu);
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>Runs the schedule stage until every feed has had a poll enqueued this cycle (a feed polled less than a poll interval ago is not due yet).</summary>
    private static async Task ScheduleEveryFeedAsync(IHost host, int feeds, CancellationToken token)
    {
        var enqueued = 0;
        for (var attempt = 0; enqueued < feeds && attempt < 30; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(PollInterval, token).ConfigureAwait(false);
            }

            await using var scope = host.Services.CreateAsyncScope();
            enqueued += await scope.ServiceProvider.GetRequiredService<IFeedScheduler>().ScheduleDueFeedsAsync(token).ConfigureAwait(false);
        }
    }

    private static LoadRunReport Report(LoadRunOptions options, ReplayPlan plan, ReplayServer server, LoadCensus census, long handled, TimeSpan elapsed, TimeSpan cpu)
    {
        // The tracked story's reprints are articles too; every served page must be stored once.
        var served = plan.Articles.Select(a => server.ArticleUrl(a).AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        var stored = census.ArticleUrls.ToHashSet(StringComparer.Ordinal);
        var reprints = SyntheticLoadCorpus.ReprintOutlets(options.Feeds, options.Cycles);
        var alertedOutlets = census.Alerts.Select(a => a.Outlet).ToHashSet(StringComparer.Ordinal);
        return new LoadRunReport(
            options.Feeds,
            options.Cycles,
            served.Count,
            census.ArticleUrls.Count,
            census.ArticleUrls.Count - stored.Count,
            served.Count(u => !stored.Contains(u)),
            stored.Count(u => !served.Contains(u)),
            reprints.Count,
            census.Alerts.Count,
            census.Alerts.Count - census.Alerts.Distinct().Count(),
            reprints.Count(o => !alertedOutlets.Contains(o)),
            census.StageMessages,
            census.PoisonMessages,
            handled,
            elapsed,
            cpu,
            Process.GetCurrentProcess().PeakWorkingSet64,
            ReadLoadAverage());
    }

    private static string WriteFeedsFile(ReplayServer server, string directory)
    {
        using var stream = new MemoryStream();
        new FeedsFileJsonFormat().Write(server.CreateFeedsFile(PollInterval), stream);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        var file = JsonSerializer.Deserialize<FeedsFile>(stream.ToArray(), json)!;
        var origin = server.Plan.Articles.First(a => a.Article.Id == "tracked-origin");
        file.Tracked.Add(new TrackedStoryDefinition { Url = server.ArticleUrl(origin).AbsoluteUri });
        var path = Path.Combine(directory, "feeds.json");
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(file, json));
        return path;
    }

    private static string ReadLoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
