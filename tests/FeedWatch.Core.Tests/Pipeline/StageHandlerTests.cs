using FeedWatch.Core.Alerts.Delivery;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Delivery;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Fetching;
using FeedWatch.Core.Pipeline.Identity;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Queues;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>Single-stage behaviour: scheduling, poll failures, fetch failures, compare-and-swap conflicts, sink failures.</summary>
public sealed class StageHandlerTests
{
    private const string Text = "Storm surge warnings were issued for the whole northern coast as the harbour master closed the port to all small vessels until Sunday";

    [Fact]
    public async Task Scheduler_enqueues_a_feed_once_per_interval()
    {
        var rig = new PipelineRig();
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://a.example/feed", PollInterval = "10m" });

        Assert.Equal(1, await rig.Scheduler.ScheduleDueFeedsAsync());
        Assert.Equal(0, await rig.Scheduler.ScheduleDueFeedsAsync());
        rig.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await rig.Scheduler.ScheduleDueFeedsAsync());
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await rig.Scheduler.ScheduleDueFeedsAsync());

        var polls = rig.Queue(QueueNames.PollFeed).Messages<PollFeedMessage>();
        Assert.Equal(2, polls.Count);
        Assert.All(polls, p => Assert.Equal(FeedIds.ForUrl("https://a.example/feed"), p.FeedId));
        Assert.StartsWith("a-example-", polls[0].FeedId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_feed_has_its_state_stored_before_its_first_poll_is_enqueued()
    {
        var rig = new PipelineRig();
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://a.example/feed", Id = "a" });
        var statesSeenAtSend = new List<bool>();
        rig.Queues.Get(QueueNames.PollFeed).OnSend = () => statesSeenAtSend.Add(rig.Blobs.Names.Contains("feeds/a.json"));

        await rig.Scheduler.ScheduleDueFeedsAsync();

        Assert.Equal([true], statesSeenAtSend);
    }

    [Fact]
    public async Task Scheduler_skips_invalid_feed_definitions_and_keeps_the_rest()
    {
        var rig = new PipelineRig();
        rig.Catalog.Feeds.AddRange([
            new FeedDefinition { Url = "not a url" },
            new FeedDefinition { Url = "ftp://a.example/feed" },
            new FeedDefinition { Url = "https://a.example/feed", Id = "../escape" },
            new FeedDefinition { Url = "https://b.example/feed", Id = "bee" },
        ]);

        Assert.Equal(1, await rig.Scheduler.ScheduleDueFeedsAsync());
        Assert.Equal(["feeds/bee.json"], rig.Blobs.Names);
    }

    [Fact]
    public async Task A_duplicate_poll_for_the_same_tick_does_nothing()
    {
        var rig = new PipelineRig();
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://a.example/feed", Id = "a" });
        rig.Fetcher.Serve("https://a.example/feed", "https://a.example/1|One");
        await rig.Scheduler.ScheduleDueFeedsAsync();
        var poll = rig.Queue(QueueNames.PollFeed).Drain<PollFeedMessage>().Single();

        await rig.Poll.HandleAsync(poll);
        await rig.Poll.HandleAsync(poll);

        Assert.Single(rig.Queue(QueueNames.FetchArticle).Bodies);
        Assert.Single(rig.Fetcher.Requests);
    }

    [Fact]
    public async Task Poll_failures_back_off_and_are_recorded_without_throwing()
    {
        var rig = new PipelineRig();
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://a.example/feed", Id = "a", PollInterval = "1m" });
        rig.Fetcher.Fail("https://a.example/feed", 500);
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.Poll.HandleAsync(rig.Queue(QueueNames.PollFeed).Drain<PollFeedMessage>().Single());

        var state = (await rig.Blobs.GetJsonAsync<FeedState>("feeds/a.json", default))!.Value;
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Equal("HTTP 500", state.LastError);
        // Twice the interval, with the policy's ±10 % deterministic jitter.
        Assert.InRange(state.NextPollAt!.Value, rig.Time.GetUtcNow() + TimeSpan.FromMinutes(1.8), rig.Time.GetUtcNow() + TimeSpan.FromMinutes(2.2));

        rig.Time.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(0, await rig.Scheduler.ScheduleDueFeedsAsync()); // still backing off

        rig.Fetcher.Serve("https://a.example/feed", "NOT A FEED");
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await rig.Scheduler.ScheduleDueFeedsAsync());
        await rig.Poll.HandleAsync(rig.Queue(QueueNames.PollFeed).Drain<PollFeedMessage>().Single());
        state = (await rig.Blobs.GetJsonAsync<FeedState>("feeds/a.json", default))!.Value;
        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.StartsWith("not a feed", state.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_fetch_failures_throw_for_a_retry_and_permanent_ones_are_dropped()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Fail("https://a.example/busy", 503);
        rig.Fetcher.Fail("https://a.example/gone", 404);

        await Assert.ThrowsAsync<TransientFetchException>(() =>
            rig.Fetch.HandleAsync(new FetchArticleMessage("a", "https://a.example/busy", null, null, null, null)));
        await rig.Fetch.HandleAsync(new FetchArticleMessage("a", "https://a.example/gone", null, null, null, null));
        await rig.Fetch.HandleAsync(new FetchArticleMessage("a", "javascript:alert(1)", null, null, null, null));

        Assert.Empty(rig.Blobs.Names);
        Assert.Empty(rig.Queue(QueueNames.ClassifyArticle).Bodies);
    }

    [Fact]
    public async Task A_crash_after_claiming_the_article_id_is_repaired_by_the_redelivery()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://a.example/1", "Storm\n" + Text);
        var id = ArticleIds.ForUrl(new Uri("https://a.example/1"));
        var claimed = BlobLayout.Article(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero), "a.example", "Storm", id);
        await rig.Blobs.PutJsonAsync(BlobLayout.ArticleIndex(id), new ArticleIndexEntry(id, claimed, "https://a.example/1", rig.Time.GetUtcNow()), true, null, default);

        await rig.Fetch.HandleAsync(new FetchArticleMessage("a", "https://a.example/1", null, null, null, null));

        Assert.Contains(claimed, rig.Blobs.Names);
        Assert.Single(rig.Blobs.Names, BlobLayout.IsArticleDocument);
        Assert.Equal(claimed, rig.Queue(QueueNames.ClassifyArticle).Messages<ClassifyArticleMessage>().Single().ArticleBlobName);
    }

    [Fact]
    public async Task A_concurrent_story_update_is_not_lost_and_both_outlets_alert()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://origin.example/s", "Storm\n" + Text);
        rig.Fetcher.Serve("https://b.example/s", "Storm b\n" + Text + " again");
        rig.Fetcher.Serve("https://c.example/s", "Storm c\n" + Text + " today");
        var tracked = await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/s"), null, default);
        await rig.Fetch.HandleAsync(new FetchArticleMessage("b", "https://b.example/s", null, null, null, null));
        await rig.Fetch.HandleAsync(new FetchArticleMessage("c", "https://c.example/s", null, null, null, null));
        var classifyB = rig.Queue(QueueNames.ClassifyArticle).Drain<ClassifyArticleMessage>();

        // While b's classification is between reading and writing the story, c's classification commits.
        rig.Blobs.BeforeNextConditionalWrite[BlobLayout.Story(tracked.StoryId)] = () => rig.Classify.HandleAsync(classifyB[1]);
        await rig.Classify.HandleAsync(classifyB[0]);

        var story = (await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked.StoryId), default))!.Value;
        Assert.Equal(["origin.example", "c.example", "b.example"], story.Outlets.Select(o => o.Outlet));
        Assert.Equal(2, story.Outbox.Count);
        Assert.True(rig.Blobs.ConditionFailures >= 1);
        // Each alert is enqueued once, by the classification that recorded it: none missing, none doubled.
        var deliveries = rig.Queue(QueueNames.DeliverAlert).Messages<DeliverAlertMessage>();
        Assert.Equal(2, deliveries.Count);
        Assert.Equal(2, deliveries.Select(m => m.AlertId).Distinct().Count());
    }

    [Fact]
    public async Task A_redelivered_classification_announces_its_own_undelivered_alert_again_and_no_other()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://origin.example/s", "Storm\n" + Text);
        rig.Fetcher.Serve("https://b.example/s", "Storm b\n" + Text);
        rig.Fetcher.Serve("https://c.example/s", "Storm c\n" + Text);
        var tracked = await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/s"), null, default);
        await rig.Fetch.HandleAsync(new FetchArticleMessage("b", "https://b.example/s", null, null, null, null));
        await rig.Fetch.HandleAsync(new FetchArticleMessage("c", "https://c.example/s", null, null, null, null));
        var stored = rig.Queue(QueueNames.ClassifyArticle).Drain<ClassifyArticleMessage>();
        var articleB = (await rig.Store.GetAsync(stored[0].ArticleId, default))!.Value;
        var articleC = (await rig.Store.GetAsync(stored[1].ArticleId, default))!.Value;

        var first = await rig.Updater.JoinAsync(tracked.StoryId, articleB, null, default);
        await rig.Updater.JoinAsync(tracked.StoryId, articleC, null, default);
        var replay = await rig.Updater.JoinAsync(tracked.StoryId, articleB, null, default); // as after a crash before the enqueue

        Assert.NotNull(first);
        Assert.NotNull(replay);
        Assert.False(replay.Changed);
        Assert.Equal(first.PendingAlertIds, replay.PendingAlertIds);
        Assert.Equal([Core.Alerts.AlertIds.ForSpread(tracked.StoryId, "b.example")], replay.PendingAlertIds);
    }

    [Fact]
    public async Task A_failing_sink_is_retried_alone_and_the_others_are_not_repeated()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://origin.example/s", "Storm\n" + Text);
        rig.Fetcher.Serve("https://b.example/s", "Storm b\n" + Text);
        await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/s"), null, default);
        await rig.Fetch.HandleAsync(new FetchArticleMessage("b", "https://b.example/s", null, null, null, null));
        await rig.Classify.HandleAsync(rig.Queue(QueueNames.ClassifyArticle).Drain<ClassifyArticleMessage>().Single());
        var deliver = rig.Queue(QueueNames.DeliverAlert).Drain<DeliverAlertMessage>().Single();
        rig.Sink.FailNext = 1;

        await Assert.ThrowsAsync<AlertDeliveryException>(() => rig.Deliver.HandleAsync(deliver));
        Assert.Single(rig.Queue(QueueNames.Alerts).Bodies);
        Assert.Empty(rig.Sink.Delivered);

        await rig.Deliver.HandleAsync(deliver);
        await rig.Deliver.HandleAsync(deliver); // a redelivery after success changes nothing

        Assert.Single(rig.Queue(QueueNames.Alerts).Bodies);
        Assert.Single(rig.Sink.Delivered);
        var story = (await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(deliver.StoryId), default))!.Value;
        var entry = story.Outbox.Single();
        Assert.NotNull(entry.DeliveredAt);
        Assert.Equal(["queue", "recording"], entry.DeliveredTo);
        Assert.Single(rig.Blobs.Names, n => n.StartsWith(BlobLayout.AlertsPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Raw_pages_are_stored_gzip_compressed_beside_the_article()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://a.example/1", "Storm\n" + Text);
        await rig.Fetch.HandleAsync(new FetchArticleMessage("a", "https://a.example/1", null, null, null, null));

        var doc = rig.Blobs.Names.Single(BlobLayout.IsArticleDocument);
        var raw = await rig.Blobs.GetAsync(BlobLayout.RawPage(doc));
        Assert.NotNull(raw);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(raw.Content.ToArray()), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        Assert.Equal("Storm\n" + Text, await reader.ReadToEndAsync());
        var article = (await rig.Blobs.GetJsonAsync<ArticleDocument>(doc, default))!.Value;
        Assert.Equal(BlobLayout.RawPage(doc), article.RawPageBlob);
        Assert.Equal("a.example", article.Outlet);
        Assert.Equal(Text, article.Text);
    }

    [Fact]
    public void Durations_accept_units_and_timespans()
    {
        Assert.True(Durations.TryParse("90s", out var a));
        Assert.Equal(TimeSpan.FromSeconds(90), a);
        Assert.True(Durations.TryParse("00:15:00", out var b));
        Assert.Equal(TimeSpan.FromMinutes(15), b);
        Assert.True(Durations.TryParse("2h", out var c));
        Assert.Equal(TimeSpan.FromHours(2), c);
        Assert.False(Durations.TryParse("soon", out _));
        Assert.Throws<FormatException>(() => Durations.Parse("-5m", "pollInterval"));
    }

    [Theory]
    [InlineData("HTTPS://Example.COM/a?utm_source=x&id=3#top", "https://example.com/a?id=3")]
    [InlineData("https://example.com:443/a?fbclid=1", "https://example.com/a")]
    [InlineData("http://example.com", "http://example.com/")]
    public void Canonical_urls_drop_tracking_noise(string input, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));

    [Fact]
    public async Task Create_only_blob_fake_refuses_overwrite()
    {
        var blobs = new Fakes.InMemoryBlobStore();
        Assert.True((await blobs.PutAsync("x", new byte[] { 1 }, new BlobPutOptions { CreateOnly = true })).Written);
        Assert.False((await blobs.PutAsync("x", new byte[] { 2 }, new BlobPutOptions { CreateOnly = true })).Written);
    }
}
