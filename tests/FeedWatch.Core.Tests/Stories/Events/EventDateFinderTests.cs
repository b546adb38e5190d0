using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Events;

namespace FeedWatch.Core.Tests.Stories.Events;

/// <summary>The days a headline and lede name, resolved against the publication date.</summary>
public sealed class EventDateFinderTests
{
    private static readonly DateTimeOffset Wednesday = new(2021, 3, 3, 14, 0, 0, TimeSpan.Zero);

    private static DateOnly Day(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_weekday_is_the_latest_such_day_on_or_before_publication()
    {
        var days = EventDateFinder.Find("The Senate voted on Tuesday; talks resume Wednesday.", Wednesday);
        Assert.Equal(Day(2021, 3, 2), days.FirstDate);
        Assert.Equal(Day(2021, 3, 3), days.LastDate);
        Assert.Equal((1 << (int)DayOfWeek.Tuesday) | (1 << (int)DayOfWeek.Wednesday), days.Weekdays);
    }

    [Fact]
    public void Today_and_yesterday_resolve_against_publication()
    {
        Assert.Equal(Day(2021, 3, 2), EventDateFinder.Find("Officials said yesterday that the plant would close.", Wednesday).FirstDate);
        Assert.Equal(Day(2021, 3, 3), EventDateFinder.Find("The strike began today.", Wednesday).FirstDate);
    }

    [Theory]
    [InlineData("The vote on March 3 drew a crowd.", 2021, 3, 3)]
    [InlineData("Talks collapsed on 28th February.", 2021, 2, 28)]
    [InlineData("The ruling of Oct. 27, 2020 still stands.", 2020, 10, 27)]
    [InlineData("Filed 2021-03-01 with the court.", 2021, 3, 1)]
    public void Explicit_dates_resolve(string text, int year, int month, int day)
    {
        var days = EventDateFinder.Find(text, Wednesday);
        Assert.Equal(Day(year, month, day), days.FirstDate);
        Assert.Equal(days.FirstDate, days.LastDate);
    }

    [Fact]
    public void A_date_without_a_year_takes_the_year_nearest_publication()
    {
        var january = new DateTimeOffset(2021, 1, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(Day(2020, 12, 30), EventDateFinder.Find("The fire of December 30 destroyed the mill.", january).FirstDate);
    }

    [Fact]
    public void Lower_case_may_is_a_verb_and_plain_numbers_are_not_dates()
    {
        var days = EventDateFinder.Find("Prices may 5 times rise; 52 senators voted for 48 reasons.", Wednesday);
        Assert.False(days.HasDays);
        Assert.True(days.IsEmpty);
    }

    [Fact]
    public void Undated_text_keeps_weekday_names_and_dates_that_carry_a_year()
    {
        var days = EventDateFinder.Find("On Friday, 7 July 2012, the quake struck; rescuers worked through Saturday.", null);
        Assert.Equal(Day(2012, 7, 7), days.FirstDate);
        Assert.Equal((1 << (int)DayOfWeek.Friday) | (1 << (int)DayOfWeek.Saturday), days.Weekdays);
        Assert.False(EventDateFinder.Find("It happened on March 3.", null).HasDays);
    }
}
