using FeedWatch.Core.Feeds.Links;

namespace FeedWatch.Core.Tests.Feeds;

public sealed class HtmlLinkResolverTests
{
    private static readonly Uri Base = new("https://news.example/section/page.html");

    [Theory]
    [InlineData("""<a href="/story">x</a>""", """<a href="https://news.example/story">x</a>""")]
    [InlineData("""<img SRC = 'pic.jpg'>""", """<img SRC = 'https://news.example/section/pic.jpg'>""")]
    [InlineData("""<q cite="../q?a=1&amp;b=2">q</q> <a href="x">""", """<q cite="https://news.example/q?a=1&amp;b=2">q</q> <a href="https://news.example/section/x">""")]
    [InlineData("""<video poster="p.png" src="v.mp4"></video>""", """<video poster="https://news.example/section/p.png" src="https://news.example/section/v.mp4"></video>""")]
    public void Makes_relative_url_attributes_absolute(string html, string expected) =>
        Assert.Equal(expected, HtmlLinkResolver.Resolve(html, Base));

    [Theory]
    [InlineData("""<a href="https://other.example/a">x</a>""")]
    [InlineData("""<a href="#notes">x</a>""")]
    [InlineData("""<a href="">x</a>""")]
    [InlineData("""<a href="mailto:desk@news.example">x</a>""")]
    [InlineData("""<a href="x'>mismatched quotes</a>""")]
    [InlineData("""<a data-href="x">not a URL attribute</a>""")]
    [InlineData("""<img srcset="a.jpg 2x">""")]
    [InlineData("""plain text mentioning href = "x" without markup""")]
    public void Leaves_everything_else_untouched_and_returns_the_same_string(string html)
    {
        var resolved = HtmlLinkResolver.Resolve(html, Base);

        if (html.StartsWith("plain", StringComparison.Ordinal))
        {
            // " href = "x"" is an attribute by the rule (whitespace, name, '=', quoted value) even outside a tag.
            Assert.Equal("""plain text mentioning href = "https://news.example/section/x" without markup""", resolved);
        }
        else
        {
            Assert.Same(html, resolved);
        }
    }

    [Fact]
    public void Without_a_base_nothing_changes() =>
        Assert.Equal("""<a href="/story">x</a>""", HtmlLinkResolver.Resolve("""<a href="/story">x</a>""", null));
}
