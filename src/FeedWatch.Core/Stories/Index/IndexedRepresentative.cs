namespace FeedWatch.Core.Stories.Index;

/// <summary>A representative article as the index keeps it: identity, date and MinHash only (its text lives in the bounded source cache).</summary>
public sealed class IndexedRepresentative(int slot, int storySlot, string articleId, string outlet, string? url, DateTimeOffset? published, string title, ushort[] minHash, int shingleCount)
{
    public int Slot { get; } = slot;

    public int StorySlot { get; } = storySlot;

    public string ArticleId { get; } = articleId;

    public string Outlet { get; } = outlet;

    public string? Url { get; } = url;

    public DateTimeOffset? Published { get; } = published;

    public string Title { get; } = title;

    public ushort[] MinHash { get; } = minHash;

    public int ShingleCount { get; } = shingleCount;
}
