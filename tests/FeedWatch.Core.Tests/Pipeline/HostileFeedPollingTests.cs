using System.Globalization;
using System.Net;
using System.Text;
using FeedWatch.Core.Configuration;
using FeedWatch.Core.Feeds;
using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Pipeline.Documents;
using FeedWatch.Core.Pipeline.Messages;
using FeedWatch.Core.Pipeline.Polling;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Ports.Http;
using FeedWatch.Core.Ports.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Pipeline;

/// <summary>
/// A feed listing thousands of items cannot make FeedWatch fetch thousands of pages: the per-poll cap hands on the
/// newest items only, and the high-water mark keeps items the bounded seen-set forgot from becoming new again.
/// </summary>
public sealed class HostileFeedPollingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string FeedUrl = "https://a.example/feed";
    private readonly PipelineRig rig = new();
    private PollFeedHandler? poll;

    private PollFeedHandler Poll => poll ??= new PollFeedHandler(rig.Blobs, rig.Queues, rig.Fetcher, new FeedParser(), rig.Options, rig.Time, NullLogger<PollFeedHandler>.Instance);

    private DateTimeOffset Now => rig.Time.GetUtcNow();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_20000_item_feed_costs_at_most_two_caps_of_fetches_over_two_polls(bool dated)
    {
        var body = Rss(Enumerable.Range(0, 20_000).Select(i => Item(i, dated ? Now.AddMinutes(-i) : null)));
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body));
        Add();

        var first = await TickAndPollAsync();
        var firstFetches = Fetches();
        Assert.Equal(rig.Options.MaxNewItemsPerPoll, firstFetches.Count);
        // Newest first: the feed lists item 0 (the newest) first; the cap keeps items 0..99.
        Assert.Equal(Enumerable.Range(0, 100).Select(Link).Order(StringComparer.Ordinal), firstFetches.Select(f => f.Url).Order(StringComparer.Ordinal));
        Assert.Equal(19_900, first.ItemsSkippedTotal);

        rig.Time.Advance(TimeSpan.FromMinutes(20));
        await TickAndPollAsync();
        var secondFetches = Fetches();
        output.WriteLine($"20,000 items ({(dated ? "dated" : "undated")}): {firstFetches.Count} + {secondFetches.Count} article fetches queued over two polls");
        Assert.True(firstFetches.Count + secondFetches.Count <= 2 * rig.Options.MaxNewItemsPerPoll, $"{firstFetches.Count} + {secondFetches.Count} fetches");
    }

    [Fact]
    public async Task An_item_trimmed_from_the_seen_set_never_becomes_new_again()
    {
        rig.Options.MaxSeenItemsPerFeed = 5;
        rig.Options.MaxNewItemsPerPoll = 0;
        // Item 0 is today's; items 1–11 are older than the high-water mark less the grace.
        var body = Rss(Enumerable.Range(0, 12).Select(i => Item(i, i == 0 ? Now : Now - rig.Options.HighWaterGrace - TimeSpan.FromHours(i))));
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body));
        Add();

        await TickAndPollAsync();
        Assert.Equal(12, Fetches().Count);
        for (var poll = 0; poll < 3; poll++)
        {
            rig.Time.Advance(TimeSpan.FromMinutes(20));
            var state = await TickAndPollAsync();
            Assert.Empty(Fetches());
            Assert.Equal(5, state.SeenItems.Count);
        }
    }

    [Fact]
    public async Task A_late_item_is_still_new_while_the_seen_set_remembers_everything()
    {
        var body = Rss([Item(0, Now)]);
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body));
        Add();
        await TickAndPollAsync();
        Assert.Single(Fetches());

        body = Rss([Item(0, Now), Item(1, Now.AddDays(-10))]); // published late, dated long ago
        rig.Time.Advance(TimeSpan.FromMinutes(20));
        await TickAndPollAsync();
        Assert.Equal([Link(1)], Fetches().Select(f => f.Url));
    }

    [Fact]
    public async Task The_cap_is_configurable()
    {
        rig.Options.MaxNewItemsPerPoll = 7;
        var body = Rss(Enumerable.Range(0, 50).Select(i => Item(i, Now.AddMinutes(-i))));
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body));
        Add();

        var state = await TickAndPollAsync();

        Assert.Equal(7, Fetches().Count);
        Assert.Equal(43, state.ItemsSkippedTotal);
    }

    private List<FetchArticleMessage> Fetches() => rig.Queue(QueueNames.FetchArticle).Drain<FetchArticleMessage>();

    private void Add() => rig.Catalog.Feeds.Add(new FeedDefinition { Url = FeedUrl, Id = "a", PollInterval = "10m" });

    private async Task<FeedState> TickAndPollAsync()
    {
        await rig.Scheduler.ScheduleDueFeedsAsync();
        foreach (var message in rig.Queue(QueueNames.PollFeed).Drain<PollFeedMessage>())
        {
            await Poll.HandleAsync(message);
        }

        return (await rig.Blobs.GetJsonAsync<FeedState>("feeds/a.json", default))!.Value;
    }

    private static string Link(int i) => $"https://a.example/story/{i}";

    private static FetchResponse Response(FetchRequest request, int status, string body) => new()
    {
        RequestedUrl = request.Url,
        FinalUrl = request.Url,
        StatusCode = status,
        Body = Encoding.UTF8.GetBytes(body),
        ContentType = "application/rss+xml",
    };

    private static string Item(int i, DateTimeOffset? published) =>
        $"<item><guid isPermaLink=\"false\">g{i}</guid><link>{WebUtility.HtmlEncode(Link(i))}</link><title>Story {i}</title>"
        + (published is { } p ? $"<pubDate>{p.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)}</pubDate>" : "")
        + "</item>";

    private static string Rss(IEnumerable<string> items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A</title><link>https://a.example/</link>" + string.Concat(items) + "</channel></rss>";
}
