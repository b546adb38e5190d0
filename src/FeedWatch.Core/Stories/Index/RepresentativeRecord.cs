namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// A representative article as the index keeps it, one element of a slab indexed by representative slot: story,
/// identity, date and shingle count (its MinHash sits in a parallel flat arena; text, title and URL live in the
/// bounded source cache and in the persisted profile).
/// </summary>
internal struct RepresentativeRecord
{
    public long PublishedTicks;

    /// <summary>The story it belongs to; -1 marks a free slot.</summary>
    public int StorySlot;

    /// <summary>Handle of its article id in the id arena.</summary>
    public int ArticleId;

    /// <summary>Index of its outlet in the engine's outlet table.</summary>
    public int Outlet;

    public int ShingleCount;

    public short PublishedOffset;

    public readonly bool IsLive => StorySlot >= 0;

    public DateTimeOffset? Published
    {
        readonly get => StoredDate.From(PublishedTicks, PublishedOffset);
        set => (PublishedTicks, PublishedOffset) = (StoredDate.TicksOf(value), StoredDate.OffsetOf(value));
    }
}
