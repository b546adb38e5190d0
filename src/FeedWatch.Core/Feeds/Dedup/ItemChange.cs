namespace FeedWatch.Core.Feeds.Dedup;

public enum ItemChange
{
    /// <summary>Never seen before: a new article.</summary>
    New,

    /// <summary>Seen before (same id or link) but its text changed: an update of a known article, not a new one.</summary>
    Updated,

    Unchanged,
}
