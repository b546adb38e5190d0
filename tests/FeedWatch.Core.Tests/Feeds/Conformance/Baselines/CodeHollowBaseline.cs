using FeedWatch.Core.Feeds;

namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>CodeHollow.FeedReader 2.1.1 (<c>FeedReader.ReadFromByteArray</c>, as its README shows) mapped onto the common fields.</summary>
internal static class CodeHollowBaseline
{
    public static ParsedFeed Parse(byte[] bytes)
    {
        var feed = CodeHollow.FeedReader.FeedReader.ReadFromByteArray(bytes);
        var items = new List<FeedItem>(feed.Items?.Count ?? 0);
        foreach (var item in feed.Items ?? [])
        {
            items.Add(new FeedItem
            {
                Id = item.Id,
                Title = item.Title,
                Link = item.Link,
                Published = item.PublishingDate is { } date ? ToUtc(date) : null,
            });
        }

        return new ParsedFeed { Format = FeedFormat.Rss20, Title = feed.Title, Link = feed.Link, Items = items };
    }

    private static DateTimeOffset ToUtc(DateTime date) => date.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(date.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
