using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// A representative article as the index keeps it, one element of a slab indexed by representative slot: story,
/// identity, date and shingle count in 24 bytes, then its MinHash sketch (128 bytes) — 152 bytes in all. The sketch
/// sits right after the shingle count, so a candidate's reuse estimate reads one run of memory in one page (it had a
/// flat arena of its own: one more page walk and cache miss per candidate). Text, title and URL live in the bounded
/// source cache and in the persisted profile.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RepresentativeRecord
{
    /// <summary>Largest shingle count kept exactly (21 bits; texts are analysed up to 200,000 characters by default).</summary>
    public const int MaxShingleCount = (1 << ShingleBits) - 1;

    private const int OffsetBits = 11; // a UTC offset is whole minutes within ±14 hours: ±840
    private const int ShingleBits = 32 - OffsetBits;

    public long PublishedTicks;

    /// <summary>The story it belongs to; -1 marks a free slot.</summary>
    public int StorySlot;

    /// <summary>Handle of its article id in the id arena.</summary>
    public int ArticleId;

    /// <summary>Index of its outlet in the engine's outlet table.</summary>
    public int Outlet;

    // Shingle count in the high 21 bits, the publication offset in minutes (signed) in the low 11.
    private int _shinglesAndOffset;

    /// <summary>The representative's MinHash sketch (what LSH bands and reuse estimates read).</summary>
    public MinHashBins MinHash;

    public readonly bool IsLive => StorySlot >= 0;

    /// <summary>
    /// Word 3-grams of the article (what the MinHash overlap estimate divides by); a count beyond
    /// <see cref="MaxShingleCount"/> (only with a raised analysis limit) is kept as that maximum.
    /// </summary>
    public int ShingleCount
    {
        readonly get => (int)((uint)_shinglesAndOffset >> OffsetBits);
        set => _shinglesAndOffset = (Math.Clamp(value, 0, MaxShingleCount) << OffsetBits) | (_shinglesAndOffset & ((1 << OffsetBits) - 1));
    }

    public DateTimeOffset? Published
    {
        readonly get => StoredDate.From(PublishedTicks, (short)((_shinglesAndOffset << ShingleBits) >> ShingleBits));
        set
        {
            PublishedTicks = StoredDate.TicksOf(value);
            _shinglesAndOffset = (_shinglesAndOffset & ~((1 << OffsetBits) - 1)) | (StoredDate.OffsetOf(value) & ((1 << OffsetBits) - 1));
        }
    }
}
