using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Rss;

/// <summary>The raw RSS 0.9x/2.0 channel, as written (dates unparsed, links resolved).</summary>
public sealed class RssChannel
{
    public string? Version { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? Language { get; set; }
    public string? Copyright { get; set; }
    public string? ManagingEditor { get; set; }
    public string? WebMaster { get; set; }
    public string? PubDate { get; set; }
    public string? LastBuildDate { get; set; }
    public string? Ttl { get; set; }
    public string? ImageUrl { get; set; }
    public string? ImageTitle { get; set; }
    public string? ImageLink { get; set; }
    public List<string> Categories { get; } = [];
    public ExtensionValues Extensions { get; } = new();
    public List<RssItem> Items { get; } = [];
}
