using System.Text;
using FeedWatch.Core.Articles;
using FeedWatch.Reliability.Tests.Support;

namespace FeedWatch.Reliability.Tests.HostileInput;

/// <summary>The real article extractor against pages built to hurt it: never throws, bounded time and memory.</summary>
public sealed class HostileHtmlTests
{
    // A guard against hangs, generous because CI machines are shared; speed is measured by benchmarks, not here.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private static readonly Uri PageUrl = new("http://hostile.example/a.html");

    [Theory]
    [InlineData("div", 100_000)]
    [InlineData("b", 300_000)]
    [InlineData("table", 20_000)]
    public async Task Deeply_nested_html_is_extracted_without_exhausting_the_stack(string tag, int depth)
    {
        var html = "<html><body><article><p>Real text before the abyss, long enough to count as a paragraph of an article.</p>"
            + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "deep" + string.Concat(Enumerable.Repeat($"</{tag}>", depth))
            + "</article></body></html>";

        var article = await Bounded.RunAsync(() => new ArticleExtractor().Extract(Encoding.UTF8.GetBytes(html), PageUrl), Limit, $"{depth} nested {tag}");

        Assert.Contains("Real text before the abyss", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_page_is_capped_and_marked_partial()
    {
        var paragraph = "<p>" + string.Join(' ', Enumerable.Repeat("word", 200)) + "</p>\n";
        var html = new StringBuilder("<html><body><article>");
        while (html.Length < 24 << 20)
        {
            html.Append(paragraph);
        }

        html.Append("</article></body></html>");
        var input = Encoding.UTF8.GetBytes(html.ToString());

        var (article, allocated) = await Bounded.RunAsync(() => Bounded.Measure(() => new ArticleExtractor().Extract(input, PageUrl)), Limit, "huge page");

        Assert.True(article.IsPartial, "a capped page must say it is partial");
        Assert.True(article.Text.Length < 8 << 20);
        Assert.True(allocated < 50L * input.Length, $"allocated {allocated / (1 << 20)} MiB");
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("invalid-utf8")]
    [InlineData("empty")]
    [InlineData("many-elements")]
    [InlineData("unclosed")]
    [InlineData("quote-in-attribute-name")]
    public async Task Garbage_pages_never_throw(string kind)
    {
        var random = new Random(kind.Length);
        byte[] input = kind switch
        {
            "binary" => Random(random, 2 << 20),
            "invalid-utf8" => [.. "<html><head><meta charset=\"utf-8\"></head><body><p>"u8, 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80, .. "</p></body></html>"u8],
            "empty" => [],
            // Quotes where attribute names belong, a '>' inside them: hung the attribute filter once.
            "quote-in-attribute-name" => Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div \"x>y\" 'a>b' c=\"d\"><p data-x=1>Text.</p></div>", 2_000)) + "</body></html>"),
            "many-elements" => Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<span>x</span><br>", 40_000)) + "</body></html>"),
            _ => Encoding.UTF8.GetBytes("<html><body><div><p>" + string.Concat(Enumerable.Repeat("<p><div><span><a href=\"#\">", 20_000))),
        };

        var article = await Bounded.RunAsync(() => new ArticleExtractor().Extract(input, PageUrl, "text/html"), Limit, kind);

        Assert.NotNull(article);
        Assert.NotNull(article.Text);
    }

    private static byte[] Random(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
