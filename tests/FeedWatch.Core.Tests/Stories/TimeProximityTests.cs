using FeedWatch.Core.Stories.Scoring;

namespace FeedWatch.Core.Tests.Stories;

public sealed class TimeProximityTests
{
    private static readonly DateTimeOffset First = new(2020, 10, 27, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Scale = TimeSpan.FromDays(3);
    private static readonly TimeSpan ScaleBefore = TimeSpan.FromDays(30);

    [Fact]
    public void An_article_inside_the_story_span_is_not_damped()
    {
        Assert.Equal(1, TimeProximity.Factor(First, First, First.AddDays(2), Scale, ScaleBefore));
    }

    [Fact]
    public void An_article_after_the_story_is_damped_on_the_short_scale()
    {
        // 28 days after: 1 / (1 + 28/3)
        Assert.Equal(1 / (1 + (28 / 3.0)), TimeProximity.Factor(First.AddDays(28), First, First, Scale, ScaleBefore), 9);
    }

    [Fact]
    public void An_article_older_than_the_story_is_damped_on_the_long_scale()
    {
        // 28 days before (coverage a late copy reused): 1 / (1 + 28/30), far less damped than a later article.
        var before = TimeProximity.Factor(First.AddDays(-28), First, First, Scale, ScaleBefore);
        Assert.Equal(1 / (1 + (28 / 30.0)), before, 9);
        Assert.True(before > 5 * TimeProximity.Factor(First.AddDays(28), First, First, Scale, ScaleBefore));
    }

    [Fact]
    public void Without_a_separate_scale_both_directions_are_damped_alike()
    {
        Assert.Equal(
            TimeProximity.Factor(First.AddDays(28), First, First, Scale),
            TimeProximity.Factor(First.AddDays(-28), First, First, Scale), 12);
    }

    [Fact]
    public void Unknown_dates_neither_damp_nor_boost()
    {
        Assert.Equal(1, TimeProximity.Evidence(null, First, First, Scale, 1.5, 0, ScaleBefore));
        Assert.Equal(1, TimeProximity.Evidence(First, null, null, Scale, 1.5, 0, ScaleBefore));
    }
}
