using FeedWatch.Stories.Scoring;

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

    [Fact]
    public void Tick_overloads_give_exactly_the_doubles_of_date_arithmetic()
    {
        // The reference is the date arithmetic scoring used before it read ticks: comparisons, subtraction and span
        // division of DateTimeOffset values, with offsets of their own (only the instant counts).
        static double Reference(DateTimeOffset? published, DateTimeOffset? first, DateTimeOffset? last, TimeSpan scale, double bonus, double floor, TimeSpan before)
        {
            if (published is not { } p || first is not { } f || last is not { } l)
            {
                return 1;
            }

            double factor;
            if (scale <= TimeSpan.Zero)
            {
                factor = 1;
            }
            else if (p < f)
            {
                factor = 1 / (1 + ((f - p) / (before > TimeSpan.Zero ? before : scale)));
            }
            else
            {
                factor = 1 / (1 + ((p > l ? p - l : TimeSpan.Zero) / scale));
            }

            return Math.Max(floor, factor * (1 + (bonus * factor)));
        }

        var random = new Random(29);
        DateTimeOffset? Date() => random.Next(12) == 0 ? null
            : First.AddTicks(random.NextInt64(-TimeSpan.TicksPerDay * 400, TimeSpan.TicksPerDay * 400)).ToOffset(TimeSpan.FromMinutes(random.Next(-56, 57) * 15));
        for (var i = 0; i < 20_000; i++)
        {
            var (published, first) = (Date(), Date());
            var last = first is { } f && random.Next(4) > 0 ? f.AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 20)) : Date();
            var scale = random.Next(20) == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 30));
            var before = random.Next(3) == 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(random.Next(1, 60 * 24 * 90));
            var (bonus, floor) = (random.NextDouble() * 2, random.Next(3) == 0 ? random.NextDouble() : 0);
            var expected = Reference(published, first, last, scale, bonus, floor, before);
            var ticks = TimeProximity.Evidence(TimeProximity.UtcTicksOf(published), TimeProximity.UtcTicksOf(first), TimeProximity.UtcTicksOf(last), scale, bonus, floor, before);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(ticks));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(TimeProximity.Evidence(published, first, last, scale, bonus, floor, before)));
        }
    }
}
