using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Rss;

/// <summary>The raw RSS item, as written.</summary>
public sealed class RssItem
{
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? Guid { get; set; }
    public bool GuidIsPermaLink { get; set; } = true;
    public string? PubDate { get; set; }
    public string? Author { get; set; }
    public string? Comments { get; set; }
    public List<string> Categories { get; } = [];
    public List<RssEnclosure> Enclosures { get; } = [];
    public ExtensionValues Extensions { get; } = new();

    /// <summary>The base in scope for the item (xml:base or the feed URL), for links written relative.</summary>
    public Uri? BaseUri { get; set; }
}
