using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Rdf;

/// <summary>The raw RSS 1.0 / RSS 0.90 (RDF) document: a channel with sibling items.</summary>
public sealed class RdfFeed
{
    public bool IsRss090 { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    public ExtensionValues Extensions { get; } = new();
    public List<RdfItem> Items { get; } = [];
}
