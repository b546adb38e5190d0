namespace FeedWatch.Stories.Index;

/// <summary>
/// A story in the active index, one element of a slab indexed by story slot (no object, no per-story arrays): what
/// scoring reads (centroid block, norm, name mass, time span, event year) sits together in 80 bytes. A lone
/// representative's slot is kept here (<see cref="Representatives"/>); two or more live in a block of a parallel slab.
/// Its centroid is in the <see cref="CentroidArena"/>, its ids in the <see cref="IdArena"/>.
/// </summary>
internal struct StoryRecord
{
    public double CentroidNorm;

    /// <summary>IDF-weighted mass of the centroid's names and numbers (what the story says about who, where and how many).</summary>
    public double CentroidNameMass;

    public long FirstSeenTicks;

    public long LastSeenTicks;

    /// <summary>The centroid's largest weight: weight codes are relative to it (<see cref="CentroidCodec"/>).</summary>
    public float WeightScale;

    public int CentroidBlock;

    public int ArticleCount;

    /// <summary>Handle of the story id in the id arena; -1 marks a free slot.</summary>
    public int Id;

    /// <summary>Handle of the origin article's id, or -1.</summary>
    public int OriginArticleId;

    /// <summary>Index of the origin outlet in the engine's outlet table, or -1.</summary>
    public int OriginOutlet;

    /// <summary>
    /// The slot of its representative when it has one, the index of its block of representative slots when it has
    /// more (see <see cref="StoryStore.Representatives"/>).
    /// </summary>
    public int Representatives;

    public short FirstSeenOffset;

    public short LastSeenOffset;

    public ushort CentroidCount;

    private short _eventYear;

    public byte RepresentativeCount;

    private byte _tracking;

    // Event days as day number + 1 (0: none), so a fresh record has none.
    private int _eventFirst;

    private int _eventLast;

    private byte _eventWeekdays;

    /// <summary>The days and weekdays its articles' headlines and ledes name (<see cref="Events.EventDays"/>).</summary>
    public Events.EventDays EventDays
    {
        readonly get => new(_eventFirst - 1, _eventLast - 1, _eventWeekdays);
        set => (_eventFirst, _eventLast, _eventWeekdays) = (value.First + 1, value.Last + 1, value.Weekdays);
    }

    public StoryTracking Tracking
    {
        readonly get => (StoryTracking)_tracking;
        set => _tracking = (byte)value;
    }

    public readonly bool IsLive => Id >= 0;

    /// <summary>
    /// The event year its first article that mentions one suggests (<see cref="Scoring.EventYear"/> finds 1950–2099), or
    /// <see cref="int.MinValue"/>; kept in 16 bits.
    /// </summary>
    public int EventYear
    {
        readonly get => _eventYear == short.MinValue ? int.MinValue : _eventYear;
        set => _eventYear = value == int.MinValue ? short.MinValue
            : value is > short.MinValue and <= short.MaxValue ? (short)value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "An event year must lie between -32767 and 32767.");
    }

    public DateTimeOffset? FirstSeen
    {
        readonly get => StoredDate.From(FirstSeenTicks, FirstSeenOffset);
        set => (FirstSeenTicks, FirstSeenOffset) = (StoredDate.TicksOf(value), StoredDate.OffsetOf(value));
    }

    public DateTimeOffset? LastSeen
    {
        readonly get => StoredDate.From(LastSeenTicks, LastSeenOffset);
        set => (LastSeenTicks, LastSeenOffset) = (StoredDate.TicksOf(value), StoredDate.OffsetOf(value));
    }
}
