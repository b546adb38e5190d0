namespace FeedWatch.Core.Feeds;

/// <summary>One entry of a feed. <see cref="Link"/> is already resolved against xml:base and the feed URL.</summary>
public sealed record FeedItem
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<FeedPerson> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<FeedEnclosure> Enclosures { get; init; } = [];
}
