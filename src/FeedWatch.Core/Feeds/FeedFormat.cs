namespace FeedWatch.Core.Feeds;

public enum FeedFormat
{
    Unknown,
    Rss090,
    Rss091,
    Rss092,
    Rss093,
    Rss094,
    Rss10,
    Rss20,
    Atom03,
    Atom10,
    JsonFeed10,
    JsonFeed11,

    /// <summary>Microsoft Channel Definition Format, the 1997 precursor of RSS.</summary>
    Cdf,
}
