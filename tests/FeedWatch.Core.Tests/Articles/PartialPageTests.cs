using System.Text;
using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class PartialPageTests
{
    private readonly ArticleExtractor extractor = new();

    [Fact]
    public void A_complete_free_article_is_not_partial()
    {
        Assert.False(extractor.Extract(ArticlePages.Utf8(ArticlePages.Article())).IsPartial);
    }

    [Fact]
    public void Publisher_flag_is_accessible_for_free_false_marks_partial()
    {
        const string head = """<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script>""";

        Assert.True(extractor.Extract(ArticlePages.Utf8(ArticlePages.Article(head: head))).IsPartial);
    }

    [Fact]
    public void Paywall_container_marks_partial()
    {
        var html = ArticlePages.Article(extraBody: """<div class="paywall-offer"><p>Unlock every story for one pound a week.</p></div>""");

        Assert.True(extractor.Extract(ArticlePages.Utf8(html)).IsPartial);
    }

    [Fact]
    public void Subscribe_to_continue_reading_notice_marks_partial()
    {
        var html = ArticlePages.Article(extraBody: "<p>Subscribe now to continue reading this article.</p>");

        Assert.True(extractor.Extract(ArticlePages.Utf8(html)).IsPartial);
    }

    [Fact]
    public void Amp_page_points_to_its_canonical_article_and_drops_amp_ads()
    {
        var html = ArticlePages.Article(head: """<link rel="canonical" href="https://courier.example/news/gates">""",
                extraBody: """<amp-ad width="300" height="250" type="network"><div>Sponsored: buy garden hoses, cheap, today, now, here</div></amp-ad>""")
            .Replace("<html lang=\"en-GB\">", "<html ⚡ lang=\"en-GB\">", StringComparison.Ordinal);

        var article = extractor.Extract(ArticlePages.Utf8(html), new Uri("https://courier.example/amp/news/gates"));

        Assert.Equal("https://courier.example/news/gates", article.CanonicalUrl);
        Assert.DoesNotContain("garden hoses", article.Text);
        Assert.Contains(ArticlePages.Paragraph1, article.Text);
    }

    [Fact]
    public void Huge_page_is_capped_and_marked_partial()
    {
        var filler = string.Concat(Enumerable.Repeat("<p>" + ArticlePages.Paragraph2 + "</p>", 20_000));
        var bytes = ArticlePages.Utf8(ArticlePages.Article(extraBody: filler));
        var limited = new ArticleExtractor(new ArticleExtractorOptions { MaxBytes = 256 * 1024 });

        var article = limited.Extract(bytes);

        Assert.True(bytes.Length > 256 * 1024);
        Assert.True(article.IsPartial);
        Assert.Contains(ArticlePages.Paragraph1, article.Text);
        Assert.True(Encoding.UTF8.GetByteCount(article.Text) < 256 * 1024);
    }

    [Fact]
    public void Deeply_nested_markup_is_bounded_and_does_not_exhaust_the_stack()
    {
        var depth = 50_000;
        var html = "<html><body><p>" + ArticlePages.Paragraph1 + "</p>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>deep text, deep text, deep text, deep text</p>" + "</body></html>";

        var article = extractor.Extract(ArticlePages.Utf8(html));

        Assert.True(article.IsPartial);
        Assert.DoesNotContain("deep text", article.Text);
    }
}
