using FeedWatch.Core.Feeds.Polling;

namespace FeedWatch.Core.Tests.Feeds.Polling;

public sealed class PollingPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PollingPolicy Policy = new(new PollingPolicyOptions { JitterFraction = 0 });

    private static PollObservation Ok(Func<PollObservation, PollObservation>? change = null)
    {
        var o = new PollObservation { Now = Now, FeedKey = "feed-1", StatusCode = 200 };
        return change is null ? o : change(o);
    }

    [Fact]
    public void Gone_stops_polling() =>
        Assert.True(Policy.Decide(Ok(o => o with { StatusCode = 410, Failed = true })).StopPolling);

    [Fact]
    public void Uses_the_configured_interval() =>
        Assert.Equal(Now.AddMinutes(7), Policy.Decide(Ok(o => o with { ConfiguredInterval = TimeSpan.FromMinutes(7) })).NextPollAt);

    [Theory]
    [InlineData(60, null, null, 60)]
    [InlineData(null, 1800, null, 30)]
    [InlineData(null, null, 45, 45)]
    [InlineData(5, 60, null, 7)]
    public void Never_sooner_than_ttl_max_age_or_expires(int? ttl, int? maxAgeSeconds, int? expiresInMinutes, int expectedMinutes)
    {
        var decision = Policy.Decide(Ok(o => o with
        {
            ConfiguredInterval = TimeSpan.FromMinutes(7),
            TimeToLiveMinutes = ttl,
            MaxAge = maxAgeSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
            Expires = expiresInMinutes is { } m ? Now.AddMinutes(m) : null,
        }));

        Assert.Equal(Now.AddMinutes(expectedMinutes), decision.NextPollAt);
    }

    [Fact]
    public void Failures_back_off_exponentially_up_to_the_cap()
    {
        var delays = Enumerable.Range(0, 10)
            .Select(previous => Policy.Decide(Ok(o => o with { Failed = true, StatusCode = 500, PreviousConsecutiveFailures = previous })))
            .Select(d => d.NextPollAt!.Value - Now)
            .ToList();

        Assert.Equal(TimeSpan.FromMinutes(5), delays[0]);
        Assert.Equal(TimeSpan.FromMinutes(10), delays[1]);
        Assert.Equal(TimeSpan.FromMinutes(20), delays[2]);
        Assert.Equal(TimeSpan.FromHours(12), delays[9]);
        Assert.Equal(3, Policy.Decide(Ok(o => o with { Failed = true, PreviousConsecutiveFailures = 2 })).ConsecutiveFailures);
    }

    [Fact]
    public void Retry_after_wins_when_longer_than_the_backoff() =>
        Assert.Equal(Now.AddHours(2), Policy.Decide(Ok(o => o with { Failed = true, StatusCode = 429, RetryAfter = TimeSpan.FromHours(2) })).NextPollAt);

    [Fact]
    public void Jitter_is_deterministic_bounded_and_differs_between_feeds()
    {
        var jittery = new PollingPolicy(new PollingPolicyOptions { JitterFraction = 0.2 });
        PollDecision For(string key) => jittery.Decide(Ok(o => o with { FeedKey = key, Failed = true, PreviousConsecutiveFailures = 3 }));

        var a1 = For("a").NextPollAt!.Value - Now;
        var a2 = For("a").NextPollAt!.Value - Now;
        var delays = Enumerable.Range(0, 50).Select(i => For($"feed-{i}").NextPollAt!.Value - Now).ToList();

        Assert.Equal(a1, a2);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMinutes(40 * 0.8), TimeSpan.FromMinutes(40 * 1.2)));
        Assert.True(delays.Distinct().Count() > 40);
    }

    [Fact]
    public void Adaptive_interval_follows_the_posting_rate_within_bounds()
    {
        var hourly = Enumerable.Range(0, 10).Select(i => Now.AddHours(-i)).ToList();
        var everyMinute = Enumerable.Range(0, 10).Select(i => Now.AddMinutes(-i)).ToList();
        var weekly = Enumerable.Range(0, 5).Select(i => Now.AddDays(-7 * i)).ToList();

        Assert.Equal(Now.AddMinutes(30), Policy.Decide(Ok(o => o with { ItemDates = hourly })).NextPollAt);
        Assert.Equal(Now.AddMinutes(2), Policy.Decide(Ok(o => o with { ItemDates = everyMinute })).NextPollAt);
        Assert.Equal(Now.AddHours(6), Policy.Decide(Ok(o => o with { ItemDates = weekly })).NextPollAt);
        Assert.Equal(Now.AddMinutes(15), Policy.Decide(Ok(o => o with { ItemDates = [Now] })).NextPollAt);
    }

    [Fact]
    public void A_configured_interval_is_fixed_unless_adaptive_and_then_it_is_the_floor()
    {
        var everyMinute = Enumerable.Range(0, 10).Select(i => Now.AddMinutes(-i)).ToList();
        var everyFourHours = Enumerable.Range(0, 10).Select(i => Now.AddHours(-4 * i)).ToList();
        var tenMinutes = TimeSpan.FromMinutes(10);

        Assert.Equal(Now.AddMinutes(10), Policy.Decide(Ok(o => o with { ConfiguredInterval = tenMinutes, ItemDates = everyFourHours })).NextPollAt);
        Assert.Equal(Now.AddMinutes(10), Policy.Decide(Ok(o => o with { ConfiguredInterval = tenMinutes, Adaptive = true, ItemDates = everyMinute })).NextPollAt);
        Assert.Equal(Now.AddHours(2), Policy.Decide(Ok(o => o with { ConfiguredInterval = tenMinutes, Adaptive = true, ItemDates = everyFourHours })).NextPollAt);
        Assert.Equal(Now.AddMinutes(15), Policy.Decide(Ok(o => o with { Adaptive = false, ItemDates = everyMinute })).NextPollAt);

        // A floor above the adaptive ceiling wins over the ceiling.
        Assert.Equal(Now.AddHours(8), Policy.Decide(Ok(o => o with { ConfiguredInterval = TimeSpan.FromHours(8), Adaptive = true, ItemDates = everyMinute })).NextPollAt);
    }

    [Fact]
    public void Success_jitter_only_ever_lengthens_the_interval()
    {
        var jittery = new PollingPolicy(new PollingPolicyOptions { JitterFraction = 0.2 });
        var delays = Enumerable.Range(0, 200)
            .Select(i => jittery.Decide(Ok(o => o with { FeedKey = $"feed-{i}", ConfiguredInterval = TimeSpan.FromMinutes(10) })).NextPollAt!.Value - Now)
            .ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(11)));
        Assert.True(delays.Distinct().Count() > 100);
    }
}
