namespace FeedWatch.Core.Feeds.JsonFeed;

public sealed class JsonFeedItem
{
    public string? Id { get; set; }
    public string? Url { get; set; }
    public string? ExternalUrl { get; set; }
    public string? Title { get; set; }
    public string? ContentHtml { get; set; }
    public string? ContentText { get; set; }
    public string? Summary { get; set; }
    public string? DatePublished { get; set; }
    public string? DateModified { get; set; }
    public List<FeedPerson> Authors { get; } = [];
    public List<string> Tags { get; } = [];
    public List<FeedEnclosure> Attachments { get; } = [];
}
