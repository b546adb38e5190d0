using FeedWatch.Core.Articles.Parsing;

namespace FeedWatch.Reliability.Tests.HostileInput;

public sealed class NestingLimiterTests
{
    [Fact]
    public void Drops_tags_beyond_the_limit_and_keeps_their_text_and_what_follows()
    {
        var depth = NestingLimiter.MaxDepth + 500;
        var deep = "<p>before</p>" + string.Concat(Enumerable.Repeat("<b>x", depth)) + string.Concat(Enumerable.Repeat("</b>", depth)) + "<div>after</div>";

        var limited = NestingLimiter.Limit(deep);

        Assert.Equal(NestingLimiter.MaxDepth, limited.Split("<b>").Length - 1);
        Assert.Equal(NestingLimiter.MaxDepth, limited.Split("</b>").Length - 1);
        Assert.Equal(depth, limited.Count(c => c == 'x'));
        Assert.StartsWith("<p>before</p>", limited, StringComparison.Ordinal);
        Assert.EndsWith("<div>after</div>", limited, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_ordinary_pages_whole()
    {
        // Thousands of closed elements and thousands of elements whose end tag is optional: untouched, not copied.
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<p><b>bold</b> <a href=\"/x?a>b\">link</a><br><li>item<td>cell<div class='c'>d</div>", 5_000)) + "</body></html>";
        Assert.Same(page, NestingLimiter.Limit(page));
    }
}
