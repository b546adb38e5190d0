namespace FeedWatch.Core.Stories.Index;

/// <summary>A representative article as the index keeps it: identity, date and MinHash only (text, title and URL live in the bounded source cache and in the persisted profile).</summary>
public sealed class IndexedRepresentative(int slot, int storySlot, string articleId, string outlet, DateTimeOffset? published, ushort[] minHash, int shingleCount)
{
    public int Slot { get; } = slot;

    public int StorySlot { get; } = storySlot;

    public string ArticleId { get; } = articleId;

    public string Outlet { get; } = outlet;

    public DateTimeOffset? Published { get; } = published;

    public ushort[] MinHash { get; } = minHash;

    public int ShingleCount { get; } = shingleCount;
}
