using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

public sealed class MainTextTests
{
    private readonly ArticleExtractor extractor = new();

    [Fact]
    public void Keeps_paragraphs_subheads_and_lists_in_reading_order_separated_by_blank_lines()
    {
        var text = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article())).Text;

        var expected = string.Join("\n\n", ArticlePages.Paragraph1, ArticlePages.Paragraph2, ArticlePages.Subhead, ArticlePages.Paragraph3, ArticlePages.ListItem);
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Leaves_out_navigation_share_bar_caption_related_list_comments_and_footer()
    {
        var text = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article())).Text;

        Assert.DoesNotContain("Sport", text);
        Assert.DoesNotContain("Share this story", text);
        Assert.DoesNotContain("photographed on Monday", text);
        Assert.DoesNotContain("Reservoir levels fall", text);
        Assert.DoesNotContain("Comment by", text);
        Assert.DoesNotContain("Copyright", text);
    }

    [Fact]
    public void Headline_is_not_part_of_the_body()
    {
        var article = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article()));

        Assert.Equal("Sluice gates opened after three weeks", article.Title);
        Assert.DoesNotContain("Sluice gates opened", article.Text);
    }

    [Fact]
    public void Link_dense_blocks_inside_the_article_are_dropped()
    {
        var readMore = """<p><a href="/x">Read more: Dam inspection finds cracks in the spillway wall, engineers say</a></p>""";
        var text = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article(extraBody: readMore))).Text;

        Assert.DoesNotContain("Read more", text);
        Assert.Contains(ArticlePages.Paragraph3, text);
    }

    [Fact]
    public void Hidden_elements_are_not_text()
    {
        var hidden = """<div style="display: none"><p>Secret paragraph for robots only, with commas, and more commas, and words.</p></div>""";
        var text = extractor.Extract(ArticlePages.Utf8(ArticlePages.Article(extraBody: hidden))).Text;

        Assert.DoesNotContain("Secret paragraph", text);
    }

    [Fact]
    public void A_wrapper_named_like_boilerplate_that_holds_the_article_is_kept()
    {
        var html = ArticlePages.Article().Replace("<main>", "<main class=\"widget overlay\">", StringComparison.Ordinal);

        var text = extractor.Extract(ArticlePages.Utf8(html)).Text;

        Assert.Contains(ArticlePages.Paragraph1, text);
    }

    [Fact]
    public void Broken_markup_and_empty_input_do_not_throw()
    {
        Assert.Equal("", extractor.Extract(Array.Empty<byte>()).Text);
        var broken = extractor.Extract(ArticlePages.Utf8("<html><body><div><p>" + ArticlePages.Paragraph1 + "<p>" + ArticlePages.Paragraph2 + "</span></td>"));
        Assert.Contains(ArticlePages.Paragraph2, broken.Text);
    }
}
