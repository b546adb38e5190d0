using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

/// <summary>Publication dates declared in the plain "published" meta names and the scholarly citation_* tags.</summary>
public sealed class DateMetaTagTests
{
    [Theory]
    [InlineData("""<meta name="citation_publication_date" content="2023 Jan 7">""", 2023, 1, 7)]
    [InlineData("""<meta name="citation_publication_date" content="2024/06/30">""", 2024, 6, 30)]
    [InlineData("""<meta name="published" content="July 17, 2025">""", 2025, 7, 17)]
    [InlineData("""<meta name="published-date" content="2021-02-16">""", 2021, 2, 16)]
    public void Published_and_citation_meta_tags_date_the_article(string meta, int year, int month, int day)
    {
        var html = $"<html><head>{meta}</head><body><h1>Soil carbon</h1><p>Cover crops raised soil carbon on the test plots over four seasons, the study found.</p></body></html>";

        var article = new ArticleExtractor().ExtractFromText(html);

        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), article.Published);
    }
}
