namespace FeedWatch.Core.Feeds;

/// <summary>
/// Turns the bytes of a feed (any supported format and encoding) into the common <see cref="ParsedFeed"/>.
/// Never throws on bad input: what can be recovered is returned with <see cref="ParsedFeed.WellFormed"/> false
/// and the reasons in <see cref="ParsedFeed.Problems"/>; input that holds no feed at all throws <see cref="FeedParseException"/>.
/// </summary>
public interface IFeedParser
{
    /// <param name="content">The raw bytes as received (after content decoding such as gzip).</param>
    /// <param name="feedUrl">Where the feed came from: the base for relative links.</param>
    /// <param name="contentType">The HTTP Content-Type header, whose charset takes part in choosing the encoding.</param>
    ParsedFeed Parse(ReadOnlyMemory<byte> content, Uri? feedUrl = null, string? contentType = null);
}
