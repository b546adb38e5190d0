using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Events;

namespace FeedWatch.Core.Tests.Stories.Events;

/// <summary>Spans of named days: union, distance, and the profile round trip.</summary>
public sealed class EventDaysTests
{
    [Fact]
    public void Union_widens_the_span_and_joins_weekdays()
    {
        var union = new EventDays(10, 12, 0b0000010).Union(new EventDays(15, 16, 0b0100000));
        Assert.Equal(new EventDays(10, 16, 0b0100010), union);
        Assert.Equal(new EventDays(3, 4, 1), EventDays.None.Union(new EventDays(3, 4, 1)));
        Assert.Equal(new EventDays(3, 4, 3), new EventDays(3, 4, 1).Union(new EventDays(EventDays.NoDay, EventDays.NoDay, 2)));
    }

    [Fact]
    public void Distance_is_zero_when_spans_overlap_and_null_without_days()
    {
        Assert.Equal(0, new EventDays(10, 12, 0).DistanceTo(new EventDays(12, 20, 0)));
        Assert.Equal(3, new EventDays(10, 12, 0).DistanceTo(new EventDays(15, 15, 0)));
        Assert.Equal(3, new EventDays(15, 15, 0).DistanceTo(new EventDays(10, 12, 0)));
        Assert.Null(new EventDays(10, 12, 0).DistanceTo(new EventDays(EventDays.NoDay, EventDays.NoDay, 4)));
    }

    [Fact]
    public void Profile_dates_round_trip()
    {
        var days = new EventDays(new DateOnly(2021, 3, 2).DayNumber, new DateOnly(2021, 3, 5).DayNumber, 0b0010100);
        Assert.Equal(days, EventDays.FromProfile(days.FirstDate, days.LastDate, days.Weekdays));
        Assert.Equal(EventDays.None, EventDays.FromProfile(null, null, 0));
    }
}
