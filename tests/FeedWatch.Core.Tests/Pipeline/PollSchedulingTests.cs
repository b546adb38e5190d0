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
/// The issue's scheduling rules end to end through schedule-feeds and poll-feed with the real feed parser:
/// per-feed and adaptive intervals, publisher hints (also after a 304), back-off, 410, permanent redirects, de-dup.
/// </summary>
public sealed class PollSchedulingTests
{
    private const string FeedUrl = "https://a.example/feed";
    private readonly PipelineRig rig = new();
    private readonly PollFeedHandler poll;

    public PollSchedulingTests() =>
        poll = new PollFeedHandler(rig.Blobs, rig.Queues, rig.Fetcher, new FeedParser(), rig.Options, rig.Time, NullLogger<PollFeedHandler>.Instance);

    private DateTimeOffset Now => rig.Time.GetUtcNow();

    [Fact]
    public async Task Ttl_is_a_floor_for_the_next_poll_even_after_a_304()
    {
        Add("10m");
        var body = Rss(ttl: 120, Item("g1", "/1", "One", Now));
        rig.Fetcher.Respond(FeedUrl, r => r.IfNoneMatch == "\"v1\"" ? Response(r, 304) with { ETag = "\"v1\"" } : Response(r, 200, body) with { ETag = "\"v1\"" });

        var first = await TickAndPollAsync();
        Assert.Equal(TimeSpan.FromMinutes(120), first.NextPollAt - Now);

        rig.Time.Advance(TimeSpan.FromMinutes(121));
        var second = await TickAndPollAsync();
        Assert.Equal(304, second.LastStatus);
        Assert.Equal(TimeSpan.FromMinutes(120), second.NextPollAt - Now);
    }

    [Theory]
    [InlineData("max-age", 60)]
    [InlineData("expires", 90)]
    [InlineData("retry-after", 45)]
    public async Task Cache_control_expires_and_retry_after_push_the_next_poll_out(string hint, int minutes)
    {
        Add("10m");
        var body = Rss(ttl: null, Item("g1", "/1", "One", Now));
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body) with
        {
            MaxAge = hint == "max-age" ? TimeSpan.FromMinutes(minutes) : null,
            Expires = hint == "expires" ? Now.AddMinutes(minutes) : null,
            RetryAfter = hint == "retry-after" ? TimeSpan.FromMinutes(minutes) : null,
        });

        var state = await TickAndPollAsync();

        Assert.Equal(TimeSpan.FromMinutes(minutes), state.NextPollAt - Now);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_with_jitter_and_retry_after_wins_when_longer()
    {
        Add("1m");
        rig.Fetcher.Fail(FeedUrl, 500);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            var state = await TickAndPollAsync();
            Assert.Equal(i + 1, state.ConsecutiveFailures);
            delays.Add(state.NextPollAt!.Value - Now);
            rig.Time.Advance(delays[^1]);
        }

        // Base = twice the 1-minute interval: 2, 4, 8, 16 minutes, each within ±10 % jitter.
        for (var i = 0; i < 4; i++)
        {
            var nominal = TimeSpan.FromMinutes(2 << i);
            Assert.InRange(delays[i], nominal * 0.9, nominal * 1.1);
        }

        Assert.NotEqual(1, delays.Select((d, i) => d / (2 << i)).Distinct().Count()); // jittered, not exact powers of two

        rig.Fetcher.Respond(FeedUrl, r => Response(r, 503) with { RetryAfter = TimeSpan.FromHours(3) });
        var busy = await TickAndPollAsync();
        Assert.Equal(5, busy.ConsecutiveFailures);
        Assert.Equal(TimeSpan.FromHours(3), busy.NextPollAt - Now);
    }

    [Fact]
    public async Task Gone_stops_polling_until_the_feed_entry_is_edited()
    {
        var feed = Add("10m");
        rig.Fetcher.Fail(FeedUrl, 410);

        var state = await TickAndPollAsync();
        Assert.Equal(DateTimeOffset.MaxValue, state.NextPollAt);

        rig.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await rig.Scheduler.ScheduleDueFeedsAsync());

        feed.PollInterval = "20m"; // the operator looks at the feed again
        Assert.Equal(1, await rig.Scheduler.ScheduleDueFeedsAsync());
    }

    [Theory]
    [InlineData(null, null, 60, 30)]     // no interval: adaptive, an hourly feed is polled every 30 minutes
    [InlineData("15m", null, 60, 15)]    // an explicit interval is fixed, even when it equals the default
    [InlineData(null, false, 60, 15)]    // adaptive switched off: the default interval
    [InlineData("45m", true, 1, 45)]     // adaptive with an interval: the interval is the floor
    [InlineData("45m", true, 240, 120)]  // … and the posting rate rules above it
    [InlineData(null, null, 1, 2)]       // the adaptive floor (AdaptiveMinInterval)
    [InlineData(null, null, 7 * 24 * 60, 6 * 60)] // the adaptive ceiling (AdaptiveMaxInterval)
    public async Task Adaptive_interval_follows_the_posting_rate_within_bounds(string? interval, bool? adaptive, int minutesBetweenPosts, int expectedMinutes)
    {
        Add(interval, adaptive);
        var items = Enumerable.Range(0, 10).Select(i => Item($"g{i}", $"/{i}", $"Post {i}", Now.AddMinutes(-minutesBetweenPosts * i))).ToArray();
        var body = Rss(ttl: null, items);
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body));

        var state = await TickAndPollAsync();

        // Success jitter only lengthens (up to +5 %): never sooner than the interval or floor.
        var expected = TimeSpan.FromMinutes(expectedMinutes);
        Assert.InRange(state.NextPollAt!.Value - Now, expected, expected * 1.05);
    }

    [Fact]
    public async Task The_posting_rate_is_remembered_across_a_304()
    {
        Add(null);
        var items = Enumerable.Range(0, 10).Select(i => Item($"g{i}", $"/{i}", $"Post {i}", Now.AddHours(-i))).ToArray();
        var body = Rss(ttl: null, items);
        rig.Fetcher.Respond(FeedUrl, r => r.IfNoneMatch == "\"v1\"" ? Response(r, 304) : Response(r, 200, body) with { ETag = "\"v1\"" });

        var first = await TickAndPollAsync();
        Assert.InRange(first.NextPollAt!.Value - Now, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31.5));

        rig.Time.Advance(TimeSpan.FromMinutes(32));
        var second = await TickAndPollAsync();
        Assert.Equal(304, second.LastStatus);
        Assert.InRange(second.NextPollAt!.Value - Now, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(31.5));
    }

    [Fact]
    public async Task A_permanent_redirect_moves_the_feed_and_a_temporary_one_does_not()
    {
        const string moved = "https://b.example/new-feed";
        const string temporary = "https://c.example/elsewhere";
        Add("10m");
        rig.Catalog.Feeds.Add(new FeedDefinition { Url = "https://c.example/feed", Id = "c", PollInterval = "10m" });
        var body = Rss(ttl: null, Item("g1", "/1", "One", Now));
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body) with { FinalUrl = new Uri(moved), PermanentlyRedirected = true });
        rig.Fetcher.Respond("https://c.example/feed", r => Response(r, 200, body) with { FinalUrl = new Uri(temporary), PermanentlyRedirected = false });
        rig.Fetcher.Respond(moved, r => Response(r, 200, body));

        var state = await TickAndPollAsync();
        Assert.Equal(moved, state.PermanentRedirectUrl);
        Assert.Null((await StateAsync("c")).PermanentRedirectUrl);

        rig.Time.Advance(TimeSpan.FromMinutes(11));
        rig.Fetcher.Requests.Clear();
        await TickAndPollAsync();
        Assert.Equal([moved, "https://c.example/feed"], rig.Fetcher.Requests.Select(r => r.Url.AbsoluteUri).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Items_are_recognised_across_polls_by_guid_then_link_then_content_and_edits_are_updates()
    {
        Add("10m");
        var firstBody = Rss(
            ttl: null,
            Item("g1", "/a", "Harbour closes", Now),
            Item(null, "/b?utm_source=rss", "Storm warning", Now),
            Item(null, null, "Ferry cancelled", Now, description: "No link, no guid: known by its text"));
        var secondBody = Rss(
            ttl: null,
            Item("g1", "/a-renamed", "Harbour closes (updated 14:00)", Now),   // same guid, edited: an update
            Item(null, "/b", "Storm warning", Now),                             // same page without tracking noise
            Item(null, null, "Ferry   cancelled", Now, description: "No link, no guid:\n known by its text"), // same text
            Item("g4", "/d", "Bridge reopens", Now));                           // new
        var body = firstBody;
        rig.Fetcher.Respond(FeedUrl, r => Response(r, 200, body));

        await TickAndPollAsync();
        var firstFetches = rig.Queue(QueueNames.FetchArticle).Drain<FetchArticleMessage>();
        Assert.Equal(["https://a.example/a", "https://a.example/b?utm_source=rss"], firstFetches.Select(f => f.Url).Order(StringComparer.Ordinal));

        body = secondBody;
        for (var i = 0; i < 2; i++)
        {
            rig.Time.Advance(TimeSpan.FromMinutes(11));
            await TickAndPollAsync();
            var fetches = rig.Queue(QueueNames.FetchArticle).Drain<FetchArticleMessage>();
            Assert.Equal(i == 0 ? ["https://a.example/d"] : [], fetches.Select(f => f.Url));
        }

        var state = await StateAsync("a");
        Assert.Equal(3, state.ItemsSeenTotal); // two articles from the first poll, one from the second; the edit is not an article
        Assert.Contains(state.SeenItems, k => k.StartsWith("i:g1\t", StringComparison.Ordinal) && k.Contains("a-renamed", StringComparison.Ordinal));
    }

    private FeedDefinition Add(string? interval, bool? adaptive = null)
    {
        var feed = new FeedDefinition { Url = FeedUrl, Id = "a", PollInterval = interval, Adaptive = adaptive };
        rig.Catalog.Feeds.Add(feed);
        return feed;
    }

    private async Task<FeedState> TickAndPollAsync()
    {
        await rig.Scheduler.ScheduleDueFeedsAsync();
        foreach (var message in rig.Queue(QueueNames.PollFeed).Drain<PollFeedMessage>())
        {
            await poll.HandleAsync(message);
        }

        return await StateAsync("a");
    }

    private async Task<FeedState> StateAsync(string id) => (await rig.Blobs.GetJsonAsync<FeedState>($"feeds/{id}.json", default))!.Value;

    private static FetchResponse Response(FetchRequest request, int status, string? body = null) => new()
    {
        RequestedUrl = request.Url,
        FinalUrl = request.Url,
        StatusCode = status,
        Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
        ContentType = body is null ? null : "application/rss+xml",
    };

    private static string Item(string? guid, string? path, string title, DateTimeOffset published, string? description = null) =>
        "<item>"
        + (guid is null ? "" : $"<guid isPermaLink=\"false\">{guid}</guid>")
        + (path is null ? "" : $"<link>https://a.example{WebUtility.HtmlEncode(path)}</link>")
        + $"<title>{WebUtility.HtmlEncode(title)}</title>"
        + (description is null ? "" : $"<description>{WebUtility.HtmlEncode(description)}</description>")
        + $"<pubDate>{published.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>";

    private static string Rss(int? ttl, params string[] items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A</title><link>https://a.example/</link>"
        + (ttl is null ? "" : $"<ttl>{ttl}</ttl>")
        + string.Concat(items)
        + "</channel></rss>";
}
