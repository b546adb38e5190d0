using System.Text;
using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Articles;

/// <summary>
/// Hostile markup must be handled in time linear in its size. No speed is asserted (speed lives in the benchmark);
/// the timeout is only a generous guard against the quadratic walks these pages used to trigger (100,000 sibling
/// spans took minutes), so a regression hangs no CI run.
/// </summary>
public sealed class HostileInputTests
{
    private const int HangGuardMilliseconds = 120_000;

    private static Task<ExtractedArticle> ExtractAsync(string html) =>
        Task.Run(() => new ArticleExtractor().Extract(Encoding.UTF8.GetBytes(html)));

    [Fact(Timeout = HangGuardMilliseconds)]
    public async Task Two_hundred_thousand_line_breaks_are_extracted()
    {
        var html = "<html><body><div>" + string.Concat(Enumerable.Repeat("line of text<br>", 200_000)) + "</div></body></html>";

        var article = await ExtractAsync(html);

        Assert.StartsWith("line of text", article.Text, StringComparison.Ordinal);
        Assert.True(article.IsPartial, "a page past the element budget is reported partial");
    }

    [Fact(Timeout = HangGuardMilliseconds)]
    public async Task One_hundred_thousand_sibling_spans_are_extracted()
    {
        var html = "<html><body><p>" + string.Concat(Enumerable.Repeat("<span>word </span>", 100_000)) + "</p></body></html>";

        var article = await ExtractAsync(html);

        Assert.StartsWith("word word word", article.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = HangGuardMilliseconds)]
    public async Task One_hundred_thousand_sibling_paragraphs_are_extracted()
    {
        var html = "<html><body><div>" + string.Concat(Enumerable.Repeat("<p>Some prose, with a comma.</p>", 100_000)) + "</div></body></html>";

        var article = await ExtractAsync(html);

        Assert.StartsWith("Some prose, with a comma.\n\nSome prose", article.Text, StringComparison.Ordinal);
    }

    [Theory(Timeout = HangGuardMilliseconds)]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("b")]
    public async Task Deeply_nested_elements_are_flattened_and_reported_partial(string tag)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>deep ", 100_000)) + "</body></html>";

        var article = await ExtractAsync(html);

        // Past the depth limit the tags are dropped and their text kept: nearly every word survives.
        Assert.StartsWith("deep", article.Text, StringComparison.Ordinal);
        Assert.True(article.Text.Split("deep").Length > 90_000, "the text under the flattened tags is kept");
        Assert.True(article.IsPartial);
    }

    [Fact(Timeout = HangGuardMilliseconds)]
    public async Task Many_nested_unclosed_navigation_containers_do_not_rescan_the_page()
    {
        var html = "<html><body><p>" + string.Join(' ', Enumerable.Repeat("Real article prose, long enough to count.", 20)) + "</p>"
            + string.Concat(Enumerable.Repeat("<nav><div>menu ", 50_000)) + "</body></html>";

        var article = await ExtractAsync(html);

        Assert.StartsWith("Real article prose", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("menu", article.Text, StringComparison.Ordinal);
    }
}
