using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Rss;

/// <summary>The raw RSS item, as written.</summary>
public sealed class RssItem
{
    // Created on first use: most items have neither, and an item's fixed allocation is what a huge feed multiplies.
    private List<string>? categories;
    private List<RssEnclosure>? enclosures;

    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? Guid { get; set; }
    public bool GuidIsPermaLink { get; set; } = true;
    public string? PubDate { get; set; }
    public string? Author { get; set; }
    public string? Comments { get; set; }
    public IReadOnlyList<string> Categories => categories ?? (IReadOnlyList<string>)[];
    public IReadOnlyList<RssEnclosure> Enclosures => enclosures ?? (IReadOnlyList<RssEnclosure>)[];
    public ExtensionValues Extensions { get; } = new();

    /// <summary>The base in scope for the item (xml:base or the feed URL), for links written relative.</summary>
    public Uri? BaseUri { get; set; }

    public void AddCategory(string category) => (categories ??= []).Add(category);

    public void AddEnclosure(RssEnclosure enclosure) => (enclosures ??= []).Add(enclosure);
}
