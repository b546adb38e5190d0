using FeedWatch.Core.Articles;
using FeedWatch.Evaluation.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class MetadataCheckTests
{
    private static readonly ExtractionCorpusPage Gold = new("1", null, [], "body")
    {
        GoldTitle = "Dam Opens After Three Weeks",
        GoldAuthor = "By Ana Diaz and Bo Chen",
        GoldPublished = new DateOnly(2025, 3, 5),
    };

    [Fact]
    public void Same_words_title_and_authors_in_any_order_are_exact()
    {
        var check = MetadataCheck.Of(Gold, new ExtractedArticle { Title = "dam opens after three weeks!", Authors = ["Bo Chen", "Ana Diaz"] });

        Assert.True(check.TitleExact);
        Assert.True(check.AuthorExact);
    }

    [Fact]
    public void Date_counts_on_the_day_written_on_the_page_not_in_utc()
    {
        var lateEvening = new DateTimeOffset(2025, 3, 5, 23, 30, 0, TimeSpan.FromHours(-5));
        Assert.True(MetadataCheck.Of(Gold, new ExtractedArticle { Published = lateEvening }).DateSameDay);

        var nextDay = MetadataCheck.Of(Gold, new ExtractedArticle { Published = new DateTimeOffset(2025, 3, 6, 1, 0, 0, TimeSpan.Zero) });
        Assert.False(nextDay.DateSameDay);
        Assert.True(nextDay.DateFound);

        var missing = MetadataCheck.Of(Gold, new ExtractedArticle());
        Assert.False(missing.DateSameDay);
        Assert.False(missing.DateFound);
    }
}
