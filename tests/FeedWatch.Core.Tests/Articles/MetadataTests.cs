using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class MetadataTests
{
    private readonly ArticleExtractor extractor = new();

    [Fact]
    public void Json_ld_news_article_gives_dates_authors_and_publisher()
    {
        const string jsonLd = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","name":"page"},
              {"@type":"NewsArticle","headline":"Gates opened","datePublished":"2024-03-05T08:30:00+01:00",
               "dateModified":"2024-03-05T10:00:00Z","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Lee"}],
               "publisher":{"@type":"Organization","name":"Valley Courier Ltd"},"image":{"@type":"ImageObject","url":"https://cdn.example/g.jpg"}}]}
            </script>
            """;

        var article = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article(head: jsonLd)), new Uri("https://courier.example/news/gates"));

        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero), article.Modified);
        Assert.Equal(["Ana Ruiz", "Tom Lee"], article.Authors);
        Assert.Equal("Valley Courier Ltd", article.SiteName);
        Assert.Equal("https://cdn.example/g.jpg", article.Image);
    }

    [Fact]
    public void Open_graph_and_article_meta_tags_are_read_and_relative_urls_resolved()
    {
        const string head = """
            <link rel="canonical" href="/news/2024/gates-opened">
            <meta property="og:site_name" content="The Valley Courier">
            <meta property="og:title" content="Sluice gates opened after three weeks">
            <meta property="og:description" content="Water released downstream.">
            <meta property="og:image" content="/img/lead.jpg">
            <meta property="article:published_time" content="2024-03-05T08:30:00+0100">
            <meta property="article:modified_time" content="2024-03-06T09:00:00Z">
            <meta name="author" content="By Ana Ruiz and Tom Lee">
            """;

        var article = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article(head: head)), new Uri("https://courier.example/amp/x"));

        Assert.Equal("https://courier.example/news/2024/gates-opened", article.CanonicalUrl);
        Assert.Equal("The Valley Courier", article.SiteName);
        Assert.Equal("Water released downstream.", article.Description);
        Assert.Equal("https://courier.example/img/lead.jpg", article.Image);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 7, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 9, 0, 0, TimeSpan.Zero), article.Modified);
        Assert.Equal(["Ana Ruiz", "Tom Lee"], article.Authors);
        Assert.Equal("en-GB", article.Language);
    }

    [Fact]
    public void Title_falls_back_to_the_title_element_without_the_site_name()
    {
        var article = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article()));

        Assert.Equal("Sluice gates opened after three weeks", article.Title);
    }

    [Fact]
    public void Time_element_dates_the_article_when_meta_tags_do_not()
    {
        var html = ArticlePages.Article(extraBody: """<p class="dateline"><time datetime="2023-11-02T14:00:00Z">2 November</time></p>""");

        var article = extractor.Extract(ArticlePages.Utf8(html));

        Assert.Equal(new DateTimeOffset(2023, 11, 2, 14, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Url_path_dates_the_article_as_a_last_resort()
    {
        var article = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article()), new Uri("https://courier.example/2022/07/14/gates-opened/"));

        Assert.Equal(new DateTimeOffset(2022, 7, 14, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("https://courier.example/2022/07/14/gates-opened/", article.CanonicalUrl);
    }

    [Fact]
    public void Malformed_json_ld_block_does_not_hide_a_valid_one()
    {
        const string head = """
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"broken "quote" here"}</script>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-01-02T03:04:05Z"}</script>
            """;

        var article = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article(head: head)));

        Assert.Equal(new DateTimeOffset(2021, 1, 2, 3, 4, 5, TimeSpan.Zero), article.Published);
    }
}
