using System.Text;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

/// <summary>A test feed format: one item per line, "link|title". "NOT A FEED" throws like a real parser on junk.</summary>
public sealed class LineFeedParser : IFeedParser
{
    public ParsedFeed Parse(ReadOnlyMemory<byte> content, Uri? feedUrl = null, string? contentType = null)
    {
        var text = Encoding.UTF8.GetString(content.Span);
        if (text.StartsWith("NOT A FEED", StringComparison.Ordinal))
        {
            throw new FeedParseException("no feed here");
        }

        var items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', 2))
            .Select(parts => new FeedItem { Link = parts[0], Title = parts.ElementAtOrDefault(1), Id = parts[0] })
            .ToList();
        return new ParsedFeed { Format = FeedFormat.Rss20, Title = "Test feed", Items = items };
    }
}
