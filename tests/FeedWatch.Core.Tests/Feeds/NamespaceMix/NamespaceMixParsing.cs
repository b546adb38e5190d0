using System.Text;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.NamespaceMix;

internal static class NamespaceMixParsing
{
    private static readonly FeedParser Parser = new();

    public static ParsedFeed Parse(string xml)
    {
        var feed = Parser.Parse(Encoding.UTF8.GetBytes(xml), new Uri("https://mix.example/feed"));
        Assert.True(feed.WellFormed, string.Join("; ", feed.Problems));
        Assert.Empty(feed.Problems);
        return feed;
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
