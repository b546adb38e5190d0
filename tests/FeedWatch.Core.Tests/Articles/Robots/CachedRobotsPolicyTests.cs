using FeedWatch.Core.Articles.Robots;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Core.Tests.Articles.Robots;

public sealed class CachedRobotsPolicyTests
{
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private CachedRobotsPolicy Policy(ScriptedFetcher fetcher, RobotsOptions? options = null) =>
        new(fetcher, options ?? new RobotsOptions(), clock, NullLogger<CachedRobotsPolicy>.Instance);

    [Fact]
    public async Task Rules_are_honoured_and_fetched_once_per_origin()
    {
        var fetcher = new ScriptedFetcher(200, "User-agent: *\nDisallow: /members/\n");
        var policy = Policy(fetcher);

        Assert.True((await policy.CheckAsync(new Uri("https://news.example/world/1"))).Allowed);
        var blocked = await policy.CheckAsync(new Uri("https://news.example/members/2"));
        Assert.False(blocked.Allowed);
        Assert.Contains("disallowed", blocked.Reason);
        Assert.Equal(1, fetcher.Requests["https://news.example/robots.txt"]);
    }

    [Fact]
    public async Task Concurrent_checks_for_one_origin_share_one_fetch()
    {
        var fetcher = new ScriptedFetcher(200, "User-agent: *\nAllow: /\n", TimeSpan.FromMilliseconds(50));
        var policy = Policy(fetcher);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => policy.CheckAsync(new Uri($"https://news.example/a/{i}"))));

        Assert.Equal(1, fetcher.Requests["https://news.example/robots.txt"]);
    }

    [Fact]
    public async Task Cache_expires_after_its_duration()
    {
        var fetcher = new ScriptedFetcher(200, "User-agent: *\nDisallow: /x\n");
        var policy = Policy(fetcher);

        await policy.CheckAsync(new Uri("https://news.example/x"));
        clock.Advance(TimeSpan.FromHours(25));
        await policy.CheckAsync(new Uri("https://news.example/x"));

        Assert.Equal(2, fetcher.Requests["https://news.example/robots.txt"]);
    }

    [Fact]
    public async Task Missing_robots_txt_allows_everything()
    {
        var policy = Policy(new ScriptedFetcher(404, "not found"));

        Assert.True((await policy.CheckAsync(new Uri("https://news.example/anything"))).Allowed);
    }

    [Fact]
    public async Task Server_error_disallows_until_the_short_error_ttl_then_asks_again()
    {
        var fetcher = new ScriptedFetcher(503, "busy");
        var policy = Policy(fetcher);

        Assert.False((await policy.CheckAsync(new Uri("https://news.example/a"))).Allowed);
        fetcher.Status = 200;
        Assert.False((await policy.CheckAsync(new Uri("https://news.example/a"))).Allowed);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True((await policy.CheckAsync(new Uri("https://news.example/a"))).Allowed);
    }

    [Fact]
    public async Task Disabled_policy_fetches_nothing()
    {
        var fetcher = new ScriptedFetcher(200, "User-agent: *\nDisallow: /\n");
        var policy = Policy(fetcher, new RobotsOptions { Enabled = false });

        Assert.True((await policy.CheckAsync(new Uri("https://news.example/a"))).Allowed);
        Assert.Empty(fetcher.Requests);
    }

    [Fact]
    public async Task Crawl_delay_for_our_token_is_reported()
    {
        var policy = Policy(new ScriptedFetcher(200, "User-agent: FeedWatch\nCrawl-delay: 3\nAllow: /\n"));

        Assert.Equal(TimeSpan.FromSeconds(3), (await policy.CheckAsync(new Uri("https://news.example/a"))).CrawlDelay);
    }
}
