using FeedWatch.Core.Feeds.Extensions;

namespace FeedWatch.Core.Feeds.Rdf;

public sealed class RdfItem
{
    public string? About { get; set; }
    public string? Title { get; set; }
    public string? Link { get; set; }
    public string? Description { get; set; }
    public ExtensionValues Extensions { get; } = new();
}
