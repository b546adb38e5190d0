using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Fetching.Politeness;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Tests.Pipeline.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Pipeline.Fetching;

public sealed class CrawlDelayTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ledger_spaces_a_backlog_one_interval_apart_and_frees_the_host_afterwards()
    {
        var ledger = new HostCrawlLedger();
        var interval = TimeSpan.FromSeconds(10);
        var maxWait = TimeSpan.FromMinutes(1);

        Assert.True(ledger.Reserve("news.example", interval, Start, maxWait).IsNow);
        var second = ledger.Reserve("news.example", interval, Start.AddSeconds(1), maxWait);
        var third = ledger.Reserve("NEWS.example", interval, Start.AddSeconds(2), maxWait);
        Assert.Equal(TimeSpan.FromSeconds(9), second.Wait);
        Assert.Equal(Start.AddSeconds(10), second.ReservedAt);
        Assert.Equal(TimeSpan.FromSeconds(18), third.Wait);
        Assert.Equal(Start.AddSeconds(20), third.ReservedAt);

        Assert.True(ledger.Reserve("other.example", interval, Start.AddSeconds(2), maxWait).IsNow);
        Assert.True(ledger.Reserve("news.example", interval, Start.AddSeconds(31), maxWait).IsNow);
    }

    [Fact]
    public void Ledger_does_not_reserve_beyond_the_maximum_deferral()
    {
        var ledger = new HostCrawlLedger();
        var interval = TimeSpan.FromSeconds(60);
        var maxWait = TimeSpan.FromSeconds(90);
        ledger.Reserve("a.example", interval, Start, maxWait);
        Assert.Equal(Start.AddSeconds(60), ledger.Reserve("a.example", interval, Start, maxWait).ReservedAt);

        var beyond = ledger.Reserve("a.example", interval, Start, maxWait);
        Assert.Equal(maxWait, beyond.Wait);
        Assert.Null(beyond.ReservedAt);
    }

    [Fact]
    public async Task Gate_caps_the_crawl_delay_and_honours_a_reserved_slot()
    {
        var time = new ManualTimeProvider(Start);
        var options = new CrawlDelayOptions { MaxCrawlDelay = TimeSpan.FromSeconds(30) };
        var gate = new CrawlDelayGate(options, time, new FixedRobotsPolicy(TimeSpan.FromHours(1)));
        var url = new Uri("https://news.example/a");

        Assert.True((await gate.ReserveAsync(url, null)).IsNow);
        var next = await gate.ReserveAsync(new Uri("https://news.example/b"), null);
        Assert.Equal(TimeSpan.FromSeconds(30), next.Wait);

        // The deferred request comes back at (or just before) its slot and goes, without claiming another one.
        time.Advance(TimeSpan.FromSeconds(29.5));
        Assert.True((await gate.ReserveAsync(new Uri("https://news.example/b"), next.ReservedAt)).IsNow);
        var early = await gate.ReserveAsync(new Uri("https://news.example/b"), Start.AddMinutes(5));
        Assert.False(early.IsNow);
        Assert.Equal(Start.AddMinutes(5), early.ReservedAt);
    }

    [Fact]
    public async Task Gate_leaves_hosts_without_crawl_delay_and_disabled_politeness_alone()
    {
        var time = new ManualTimeProvider(Start);
        var none = new CrawlDelayGate(new CrawlDelayOptions(), time, new FixedRobotsPolicy(null));
        var off = new CrawlDelayGate(new CrawlDelayOptions { Enabled = false }, time, new FixedRobotsPolicy(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await none.ReserveAsync(new Uri($"https://a.example/{i}"), null)).IsNow);
            Assert.True((await off.ReserveAsync(new Uri($"https://a.example/{i}"), null)).IsNow);
        }
    }

    [Fact]
    public async Task Fetch_stage_defers_a_too_early_message_with_a_visibility_delay_instead_of_sleeping()
    {
        var rig = new PipelineRig();
        var handler = FetchHandlerWithTwentySecondCrawlDelay(rig);
        rig.Fetcher.Serve("https://news.example/one", "<p>One story text line</p>");
        rig.Fetcher.Serve("https://news.example/two", "<p>Two story text line</p>");
        rig.Fetcher.Serve("https://other.example/three", "<p>Three story text line</p>");

        await handler.HandleAsync(new FetchArticleMessage("f", "https://news.example/one", "1", null, null, null));
        await handler.HandleAsync(new FetchArticleMessage("f", "https://news.example/two", "2", null, null, null));
        await handler.HandleAsync(new FetchArticleMessage("f", "https://other.example/three", "3", null, null, null));

        Assert.Equal(["https://news.example/one", "https://other.example/three"], rig.Fetcher.Requests.Select(r => r.Url.AbsoluteUri));
        var fetchQueue = rig.Queue(QueueNames.FetchArticle);
        var deferred = Assert.Single(fetchQueue.Messages<FetchArticleMessage>());
        Assert.Equal("https://news.example/two", deferred.Url);
        Assert.Equal(1, deferred.Deferrals);
        Assert.Equal(rig.Time.GetUtcNow().AddSeconds(20), deferred.CrawlSlot);
        Assert.Equal(TimeSpan.FromSeconds(20), Assert.Single(fetchQueue.SendDelays));

        // When the queue hands it back at its slot, it is fetched.
        fetchQueue.Drain<FetchArticleMessage>();
        rig.Time.Advance(TimeSpan.FromSeconds(20));
        await handler.HandleAsync(deferred);
        Assert.Equal("https://news.example/two", rig.Fetcher.Requests[^1].Url.AbsoluteUri);
        Assert.Empty(fetchQueue.Bodies);
        Assert.Equal(3, rig.Queue(QueueNames.ClassifyArticle).Bodies.Count);
    }

    [Fact]
    public async Task A_message_deferred_too_often_is_fetched_anyway()
    {
        var rig = new PipelineRig();
        var handler = FetchHandlerWithTwentySecondCrawlDelay(rig);
        rig.Fetcher.Serve("https://news.example/one", "<p>One story text line</p>");
        rig.Fetcher.Serve("https://news.example/two", "<p>Two story text line</p>");

        await handler.HandleAsync(new FetchArticleMessage("f", "https://news.example/one", "1", null, null, null));
        await handler.HandleAsync(new FetchArticleMessage("f", "https://news.example/two", "2", null, null, null, Deferrals: FetchArticleHandler.MaxDeferrals));

        Assert.Equal(2, rig.Fetcher.Requests.Count);
        Assert.Empty(rig.Queue(QueueNames.FetchArticle).Bodies);
    }

    /// <summary>The fetch stage over the rig, behind a gate whose robots.txt asks for 20 s between requests to a site.</summary>
    private static FetchArticleHandler FetchHandlerWithTwentySecondCrawlDelay(PipelineRig rig)
    {
        var gate = new CrawlDelayGate(new CrawlDelayOptions(), rig.Time, new FixedRobotsPolicy(TimeSpan.FromSeconds(20)));
        return new FetchArticleHandler(new ArticleFetcher(rig.Fetcher, new FirstLineTitleExtractor(), rig.Time), rig.Store, rig.Queues,
            NullLogger<FetchArticleHandler>.Instance, gate);
    }
}
