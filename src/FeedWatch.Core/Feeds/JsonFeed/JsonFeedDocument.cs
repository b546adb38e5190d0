namespace FeedWatch.Core.Feeds.JsonFeed;

/// <summary>The raw JSON Feed 1.0/1.1 document (only the members FeedWatch uses).</summary>
public sealed class JsonFeedDocument
{
    public string? Version { get; set; }
    public string? Title { get; set; }
    public string? HomePageUrl { get; set; }
    public string? FeedUrl { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
    public string? Icon { get; set; }
    public List<FeedPerson> Authors { get; } = [];
    public List<JsonFeedItem> Items { get; } = [];
}
