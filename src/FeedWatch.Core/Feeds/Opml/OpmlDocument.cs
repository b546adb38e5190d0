namespace FeedWatch.Core.Feeds.Opml;

/// <summary>An OPML 1.0/2.0 outline document as read or to be written: head fields plus the body's outlines.</summary>
public sealed record OpmlDocument
{
    /// <summary>The opml element's version attribute ("1.0", "1.1", "2.0"); the writer always emits 2.0.</summary>
    public string? Version { get; init; }

    public string? Title { get; init; }
    public DateTimeOffset? DateCreated { get; init; }
    public string? OwnerName { get; init; }
    public IReadOnlyList<OpmlOutline> Outlines { get; init; } = [];
}
