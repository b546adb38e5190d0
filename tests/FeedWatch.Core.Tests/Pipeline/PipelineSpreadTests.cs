using System.Text.Json;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>The whole pipeline over fakes: tracked story, three outlets, noise, redelivery.</summary>
public sealed class PipelineSpreadTests
{
    private const string Bridge = "The river council voted to close the old stone bridge after engineers found deep cracks in two of its arches and warned that heavy trucks could make them worse";
    private const string Noise = "A bakery on the market square won the regional prize for its rye bread made with a sourdough starter kept alive since the war";

    private static PipelineRig CreateRig()
    {
        var rig = new PipelineRig();
        rig.Fetcher.Serve("https://origin.example/bridge", "Bridge closed\n" + Bridge);
        rig.Fetcher.Serve("https://copy.example/news/bridge-copy", "Old bridge shut\n" + Bridge + " said the mayor");
        rig.Fetcher.Serve("https://rewrite.example/b", "Council shuts bridge\n" + Bridge.Replace("voted", "decided", StringComparison.Ordinal));
        rig.Fetcher.Serve("https://copy.example/news/bread", "Rye prize\n" + Noise);
        rig.Fetcher.Serve("https://copy.example/feed", "https://copy.example/news/bread|Rye prize\nhttps://copy.example/news/bridge-copy|Old bridge shut", "application/rss+xml", "\"v1\"");
        rig.Fetcher.Serve("https://rewrite.example/feed", "https://rewrite.example/b|Council shuts bridge", "application/rss+xml");
        rig.Fetcher.Serve("https://origin.example/feed", "https://origin.example/bridge|Bridge closed", "application/rss+xml");
        rig.Catalog.Feeds.AddRange([
            new FeedDefinition { Url = "https://copy.example/feed", PollInterval = "5m" },
            new FeedDefinition { Url = "https://rewrite.example/feed", PollInterval = "5m" },
            new FeedDefinition { Url = "https://origin.example/feed", PollInterval = "5m" },
        ]);
        return rig;
    }

    [Fact]
    public async Task Tracked_story_alerts_once_per_new_outlet_and_never_for_its_origin_or_noise()
    {
        var rig = CreateRig();
        var tracked = await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/bridge"), "Bridge closure", default);

        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();

        Assert.Equal(["copy.example", "rewrite.example"], rig.Sink.Delivered.Select(a => a.Outlet).Order());
        Assert.All(rig.Sink.Delivered, a => Assert.Equal(tracked.StoryId, a.StoryId));
        Assert.All(rig.Sink.Delivered, a => Assert.Equal(AlertIds.ForSpread(tracked.StoryId, a.Outlet), a.Id));
        Assert.Equal(2, rig.Queue(QueueNames.Alerts).Bodies.Count);

        var story = await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(tracked.StoryId), default);
        Assert.NotNull(story);
        Assert.Equal(["origin.example", "copy.example", "rewrite.example"], story.Value.Outlets.Select(o => o.Outlet));
        Assert.All(story.Value.Outbox, e => Assert.NotNull(e.DeliveredAt));
        Assert.Equal(3, story.Value.ArticleCount);

        var alertBlobs = rig.Blobs.Names.Where(n => n.StartsWith("alerts/2026/03/14/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, alertBlobs.Count);
        var envelope = JsonSerializer.Deserialize<AlertEnvelope>((await rig.Blobs.GetAsync(alertBlobs[0]))!.Content.Span, FeedWatchJson.Options);
        Assert.Equal("1.0", envelope!.SpecVersion);
        Assert.Equal(AlertEnvelope.SpreadEventType, envelope.Type);
    }

    [Fact]
    public async Task Every_article_is_stored_once_even_when_polled_and_redelivered_again()
    {
        var rig = CreateRig();
        await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/bridge"), null, default);
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();

        // Redeliver every fetch message a second time, as a crashed worker would, and poll again with feeds unchanged.
        foreach (var url in new[] { "https://copy.example/news/bridge-copy", "https://rewrite.example/b", "https://origin.example/bridge" })
        {
            await rig.Queues.SendMessageAsync(QueueNames.FetchArticle, new FetchArticleMessage("f", url, null, null, null, null), default);
        }

        rig.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(3, await rig.Scheduler.ScheduleDueFeedsAsync());
        await rig.RunUntilQuietAsync();

        var articleDocs = rig.Blobs.Names.Where(BlobLayout.IsArticleDocument).ToList();
        Assert.Equal(4, articleDocs.Count);
        Assert.Equal(4, rig.Blobs.Names.Count(n => n.EndsWith(".html.gz", StringComparison.Ordinal)));
        Assert.Matches("^articles/2026/03/14/copy.example/old-bridge-shut-[0-9a-f]{10}\\.json$", articleDocs.Single(n => n.Contains("old-bridge", StringComparison.Ordinal)));
        Assert.Equal(2, rig.Sink.Delivered.Count);

        // The repeated poll was conditional and answered 304 for the feed that has an ETag.
        var copyFeedRequests = rig.Fetcher.Requests.Where(r => r.Url.AbsoluteUri == "https://copy.example/feed").ToList();
        Assert.Equal(2, copyFeedRequests.Count);
        Assert.Equal("\"v1\"", copyFeedRequests[1].IfNoneMatch);

        // Article pages were fetched once each (the seed once by track add), never again.
        Assert.Equal(1, rig.Fetcher.Requests.Count(r => r.Url.AbsoluteUri == "https://copy.example/news/bridge-copy"));
        Assert.Equal(1, rig.Fetcher.Requests.Count(r => r.Url.AbsoluteUri == "https://origin.example/bridge"));
    }

    [Fact]
    public async Task Untracked_articles_start_and_join_discovered_stories_without_alerts()
    {
        var rig = CreateRig();
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();

        Assert.Empty(rig.Sink.Delivered);
        var stories = new List<StoryDocument>();
        foreach (var name in rig.Blobs.Names.Where(n => n.StartsWith(BlobLayout.StoriesPrefix, StringComparison.Ordinal)))
        {
            stories.Add((await rig.Blobs.GetJsonAsync<StoryDocument>(name, default))!.Value);
        }

        Assert.Equal(2, stories.Count);
        Assert.All(stories, s => Assert.False(s.Tracked));
        var bridge = stories.Single(s => s.ArticleCount == 3);
        Assert.Equal(3, bridge.Outlets.Count);
        Assert.Empty(bridge.Outbox);
    }

    [Fact]
    public async Task Tracking_the_same_seed_twice_keeps_one_story()
    {
        var rig = CreateRig();
        rig.Fetcher.Serve("https://origin.example/bridge?utm_source=x", "Bridge closed\n" + Bridge);
        var first = await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/bridge"), null, default);
        var second = await rig.Tracker.TrackUrlAsync(new Uri("https://origin.example/bridge?utm_source=x"), null, default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.StoryId, second.StoryId);
        Assert.Single(rig.Blobs.Names, n => n.StartsWith(BlobLayout.StoriesPrefix, StringComparison.Ordinal));
        var story = await rig.Blobs.GetJsonAsync<StoryDocument>(BlobLayout.Story(first.StoryId), default);
        Assert.Equal(1, story!.Value.ArticleCount);
    }

    [Fact]
    public async Task A_text_seed_alerts_for_every_outlet()
    {
        var rig = CreateRig();
        var tracked = await rig.Tracker.TrackTextAsync(Bridge, "Bridge", default);
        await rig.Scheduler.ScheduleDueFeedsAsync();
        await rig.RunUntilQuietAsync();

        Assert.Equal(["copy.example", "origin.example", "rewrite.example"], rig.Sink.Delivered.Select(a => a.Outlet).Order());
        Assert.All(rig.Sink.Delivered, a => Assert.Null(a.OriginOutlet));
        Assert.All(rig.Sink.Delivered, a => Assert.Equal(tracked.StoryId, a.StoryId));
    }
}
