using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

/// <summary>The publication day is the one the page shows: a timestamp written in another time zone is dated on the URL day.</summary>
public sealed class ShownDayTests
{
    private const string Body = "<p>The harbour ferry timetable changes next month, with earlier sailings, later returns, and a new stop.</p>";

    private static DateOnly Day(DateTimeOffset? date) => DateOnly.FromDateTime(date!.Value.DateTime);

    private static ExtractedArticle Extract(string head, string byline, string? url = null) =>
        new ArticleExtractor().ExtractFromText($"<html><head>{head}</head><body><article><h1>Ferry timetable</h1>{byline}{Body}</article></body></html>",
            url is null ? null : new Uri(url));

    [Fact]
    public void A_utc_timestamp_a_day_after_the_url_date_is_dated_on_the_url_day_at_the_same_instant()
    {
        var article = Extract("""<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">""", "",
            "https://harbour.example/2025/12/18/ferry-timetable/");

        Assert.Equal(new DateOnly(2025, 12, 18), Day(article.Published));
        Assert.Equal(new DateTimeOffset(2025, 12, 19, 2, 41, 41, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_byline_date_one_day_off_leaves_the_declared_timestamp()
    {
        var article = Extract("""<meta property="article:published_time" content="2026-02-24T04:13:00Z">""",
            """<div class="byline">By Lea Holm · February 23, 2026</div>""");

        Assert.Equal(new DateOnly(2026, 2, 24), Day(article.Published));
    }

    [Fact]
    public void A_timestamp_no_time_zone_puts_on_the_url_day_gives_that_day_at_midnight_utc()
    {
        var article = Extract("""<meta property="article:published_time" content="2025-12-19T22:02:58Z">""", "",
            "https://harbour.example/2025/12/18/ferry-timetable/");

        Assert.Equal(new DateTimeOffset(2025, 12, 18, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_url_date_two_days_away_leaves_the_declared_timestamp()
    {
        var article = Extract("""<meta property="article:published_time" content="2025-12-19T02:00:00Z">""", "",
            "https://harbour.example/2025/12/17/ferry-timetable/");

        Assert.Equal(new DateTimeOffset(2025, 12, 19, 2, 0, 0, TimeSpan.Zero), article.Published);
    }
}
