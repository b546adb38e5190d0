using System.Collections.Concurrent;
using System.Diagnostics;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Http;
using FeedWatch.Reliability.Tests.Support;
using FeedWatch.Replay.Schedule;
using FeedWatch.Replay.Server;
using Xunit.Abstractions;

namespace FeedWatch.Reliability.Tests.Load;

/// <summary>
/// The poll path under load: a replay serves many feeds whose items change every cycle; the product fetcher
/// (host map, conditional GET) and parser poll every feed for a fixed number of cycles. Nothing may be lost or seen
/// twice. Throughput and peak memory are printed, not asserted (speed belongs to measurements, not tests).
/// It runs at the full size, 2,000 feeds (about 30 s); FEEDWATCH_LOAD_FEEDS / FEEDWATCH_LOAD_CYCLES change it.
/// </summary>
public sealed class PollLoadTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [Fact]
    public async Task Every_released_item_of_every_feed_is_seen_and_nothing_else()
    {
        var feeds = Setting("FEEDWATCH_LOAD_FEEDS", 2000);
        var cycles = Setting("FEEDWATCH_LOAD_CYCLES", 4);
        const int itemsPerCycle = 3;
        var clock = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var plan = ReplayPlan.Create(SyntheticCorpus.Create(feeds, cycles, itemsPerCycle), ReplaySpeed.Compressed(3600));
        await using var server = await ReplayServer.StartAsync(plan, new ReplayServerOptions { TimeProvider = clock, MaxItemsPerFeed = 2 * itemsPerCycle });
        using var fetcher = new HttpFetcher(new HttpFetcherOptions
        {
            HostMap = server.HostMap.ToDictionary(),
            AllowPrivateAddresses = true,
            Timeout = TimeSpan.FromSeconds(60),
            MaxConcurrentRequestsPerHost = 2,
        });
        var parser = new FeedParser();
        var validators = new ConcurrentDictionary<Uri, string>();
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long polls = 0, notModified = 0, failures = 0;
        var clockWatch = Stopwatch.StartNew();

        // Cycle c's items are published c corpus hours (c seconds at 3600x) plus a few seconds in: moving the clock one
        // second (half a second at first, to stay clear of the boundaries) before each pass releases one new batch per feed. The last pass releases nothing new.
        for (var cycle = 0; cycle <= cycles; cycle++)
        {
            if (cycle < cycles)
            {
                clock.Advance(TimeSpan.FromSeconds(cycle == 0 ? 0.5 : 1));
            }

            await Parallel.ForEachAsync(server.FeedUrls, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (url, ct) =>
            {
                var response = await fetcher.FetchAsync(new FetchRequest(url) { IfNoneMatch = validators.GetValueOrDefault(url) }, ct);
                Interlocked.Increment(ref polls);
                if (response.IsNotModified)
                {
                    Interlocked.Increment(ref notModified);
                    return;
                }

                if (!response.IsSuccess)
                {
                    Interlocked.Increment(ref failures);
                    return;
                }

                if (response.ETag is { } etag)
                {
                    validators[url] = etag;
                }

                foreach (var item in parser.Parse(response.Body, url, response.ContentType).Items)
                {
                    seen.AddOrUpdate(item.Link ?? item.Id ?? "", 1, (_, n) => n + 1);
                }
            });
        }

        clockWatch.Stop();
        var expected = plan.Articles.Select(a => server.ArticleUrl(a).AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine(
            $"{feeds} feeds x {cycles} cycles: {polls} polls in {clockWatch.Elapsed.TotalSeconds:0.0} s " +
            $"({polls / clockWatch.Elapsed.TotalSeconds:0} polls/s, {expected.Count / clockWatch.Elapsed.TotalSeconds:0} new items/s), " +
            $"{notModified} not modified, {failures} failures, peak working set {peak / (1 << 20)} MiB");

        Assert.Equal(0, failures);
        Assert.Equal((long)feeds * (cycles + 1), polls);
        // The pass after the last release finds nothing new: every feed answers its own ETag with 304.
        Assert.Equal(feeds, notModified);
        Assert.Empty(expected.Except(seen.Keys));
        Assert.Empty(seen.Keys.Except(expected));
    }
}
