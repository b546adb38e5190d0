using System.Text;
using FeedWatch.Core.Articles;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

/// <summary>A test page format: the first line is the title, the rest the text.</summary>
public sealed class FirstLineTitleExtractor : IArticleExtractor
{
    public ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url = null, string? contentType = null)
    {
        var parts = Encoding.UTF8.GetString(html.Span).Split('\n', 2);
        return new ExtractedArticle
        {
            Title = parts[0].Trim(),
            Text = parts.Length > 1 ? parts[1].Trim() : "",
            Published = new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero),
        };
    }
}
