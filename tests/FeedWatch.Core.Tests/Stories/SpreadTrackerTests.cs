using FeedWatch.Stories.Promotion;

namespace FeedWatch.Core.Tests.Stories;

public sealed class SpreadTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_article_per_outlet_after_the_origin_raises_one_alert()
    {
        var tracker = new SpreadTracker(new PromotionRule(10, TimeSpan.FromHours(1)));

        Assert.True(tracker.Observe("s", "a.example", T0).IsOrigin);
        Assert.False(tracker.Observe("s", "a.example", T0.AddMinutes(1)).IsNewOutlet);
        Assert.True(tracker.Observe("s", "b.example", T0.AddMinutes(2)).IsNewOutlet);
        Assert.False(tracker.Observe("s", "b.example", T0.AddMinutes(3)).IsNewOutlet);
    }

    [Fact]
    public void Promotes_when_n_outlets_within_t_hours()
    {
        var tracker = new SpreadTracker(new PromotionRule(3, TimeSpan.FromHours(6)));

        Assert.False(tracker.Observe("s", "a", T0).Promoted);
        Assert.False(tracker.Observe("s", "b", T0.AddHours(10)).Promoted);
        Assert.False(tracker.Observe("s", "c", T0.AddHours(12)).Promoted);
        Assert.True(tracker.Observe("s", "d", T0.AddHours(13)).Promoted); // b, c, d within 3 hours
        Assert.False(tracker.Observe("s", "e", T0.AddHours(14)).Promoted); // promoted once
        Assert.True(tracker.IsPromoted("s"));
    }

    [Fact]
    public void Outlets_spread_too_thin_in_time_do_not_promote()
    {
        var tracker = new SpreadTracker(new PromotionRule(3, TimeSpan.FromHours(6)));

        tracker.Observe("s", "a", T0);
        tracker.Observe("s", "b", T0.AddHours(7));
        Assert.False(tracker.Observe("s", "c", T0.AddHours(14)).Promoted);
    }
}
