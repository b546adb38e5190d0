using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Metadata;

namespace FeedWatch.Core.Tests.Articles;

public sealed class VisibleDateTests
{
    [Theory]
    [InlineData("March 5, 2024", 2024, 3, 5)]
    [InlineData("Last updated: Dec. 12th, 2025", 2025, 12, 12)]
    [InlineData("By Jo Smith - 5 Mar 2024", 2024, 3, 5)]
    [InlineData("Posted 2023-11-30", 2023, 11, 30)]
    [InlineData("12.09.2025", 2025, 9, 12)]
    [InlineData("2022-11-23T08:10+02:00", 2022, 11, 23)]
    public void Written_dates_in_short_texts_are_read(string text, int year, int month, int day)
    {
        var date = VisibleDateFinder.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(date!.Value.DateTime));
    }

    [Theory]
    [InlineData("February 30, 2024")]
    [InlineData("In 2024 we sold 5 March hares")]
    [InlineData("version 1.2.3")]
    public void Impossible_or_absent_dates_are_not_read(string text) => Assert.Null(VisibleDateFinder.Parse(text));

    [Fact]
    public void Without_declared_dates_the_dateline_nearest_the_headline_is_the_publication_date()
    {
        const string html = """
            <html><head><title>Seed banks</title></head><body>
            <div class="top">Today is Monday, January 6, 2025</div>
            <div class="teasers"><p>Old story</p><span>May 1, 2019</span></div>
            <article><h1>Seed banks grow</h1><div class="byline">By Ana Diaz · October 14, 2024</div>
            <p>Seed banks in three regions expanded their collections this year, adding thousands of varieties.</p></article>
            </body></html>
            """;

        var article = new ArticleExtractor().ExtractFromText(html);

        Assert.Equal(new DateOnly(2024, 10, 14), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void Declared_dates_win_over_visible_text()
    {
        const string html = """
            <html><head><meta property="article:published_time" content="2024-02-01T10:00:00Z"></head><body>
            <h1>Headline</h1><p>March 3, 2020</p><p>Body text long enough to be an article paragraph, with commas, and words.</p>
            </body></html>
            """;

        Assert.Equal(new DateTimeOffset(2024, 2, 1, 10, 0, 0, TimeSpan.Zero), new ArticleExtractor().ExtractFromText(html).Published);
    }

    [Theory]
    [InlineData("Updated: 10/31/2024", true, 2024, 10, 31)]
    [InlineData("Updated: 10/31/2024", false, 2024, 10, 31)]
    [InlineData("Posted 24/2/2026", true, 2026, 2, 24)]
    [InlineData("Yucy 3/4/2025", true, 2025, 3, 4)]
    [InlineData("Yucy 3/4/2025", false, 2025, 4, 3)]
    public void Slashed_dates_are_read_month_first_only_where_the_locale_writes_them_so(string text, bool monthFirst, int year, int month, int day)
    {
        var date = VisibleDateFinder.Parse(text, monthFirst);

        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(date!.Value.DateTime));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("en", true)]
    [InlineData("en-US", true)]
    [InlineData("en-GB", false)]
    [InlineData("fr-FR", false)]
    [InlineData("de", false)]
    public void Ambiguous_numeric_dates_are_month_first_in_us_english(string? language, bool monthFirst) =>
        Assert.Equal(monthFirst, VisibleDateFinder.IsMonthFirst(language));

    [Fact]
    public void A_british_page_dates_an_ambiguous_slashed_byline_day_first()
    {
        const string html = """
            <html lang="en-GB"><head><title>Hedges</title></head><body>
            <h1>Hedges return</h1><div class="byline">By Sam Reed · 03/04/2025</div>
            <p>Hedgerows across the county were replanted this winter, volunteers said, after a decade of losses.</p>
            </body></html>
            """;

        var article = new ArticleExtractor().ExtractFromText(html);

        Assert.Equal(new DateOnly(2025, 4, 3), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Theory]
    [InlineData("1/2/3/2024")]
    [InlineData("13/13/2024")]
    public void Slashed_numbers_that_are_not_dates_are_not_read(string text) => Assert.Null(VisibleDateFinder.Parse(text));
}
