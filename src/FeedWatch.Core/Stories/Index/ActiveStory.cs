using System.Runtime.CompilerServices;
using FeedWatch.Core.Stories.Fingerprints;
using FeedWatch.Core.Stories.Queries;

namespace FeedWatch.Core.Stories.Index;

/// <summary>A story in the active index: bounded centroid, bounded representatives, origin, tracking.</summary>
public sealed class ActiveStory(int slot, string id)
{
    public int Slot { get; } = slot;

    public string Id { get; } = id;

    public int ArticleCount { get; set; }

    public DateTimeOffset? FirstSeen { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public string? OriginOutlet { get; set; }

    public string? OriginArticleId { get; set; }

    // The centroid as the index keeps it: per term one 64-bit word (term id << 32 | weight << 16 | IDF, both as
    // IEEE half-precision bits) plus its kind, 9 bytes where separate float arrays took 13 plus three array headers.
    // Values are quantised on the way in (setters), so the engine that keeps running, the profile it writes and an
    // engine rebuilt from that profile all hold exactly the same weights and IDF.
    private ulong[] _packed = [];
    private TermKind[] _kinds = [];

    /// <summary>The bounded centroid (IDF-free weights, rounded to half precision when set).</summary>
    public TopicVector Centroid
    {
        get
        {
            var terms = new uint[_packed.Length];
            var weights = new float[_packed.Length];
            for (var i = 0; i < _packed.Length; i++)
            {
                terms[i] = (uint)(_packed[i] >> 32);
                weights[i] = WeightOf(_packed[i]);
            }

            return new TopicVector(terms, weights, (TermKind[])_kinds.Clone());
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var packed = new ulong[value.Count];
            for (var i = 0; i < packed.Length; i++)
            {
                packed[i] = ((ulong)value.Terms[i] << 32) | ((ulong)Quantise(value.Weights[i]) << 16);
            }

            _packed = packed;
            _kinds = (TermKind[])value.Kinds.Clone();
        }
    }

    /// <summary>
    /// IDF of each centroid term when the story was last indexed (rounded to half precision when set; set it after
    /// <see cref="Centroid"/>, with one value per term), and the IDF-weighted centroid norm.
    /// </summary>
    public float[] CentroidIdf
    {
        get
        {
            var idf = new float[_packed.Length];
            for (var i = 0; i < idf.Length; i++)
            {
                idf[i] = IdfOf(_packed[i]);
            }

            return idf;
        }

        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length != _packed.Length)
            {
                throw new ArgumentException($"Expected {_packed.Length} IDF values, got {value.Length}.", nameof(value));
            }

            for (var i = 0; i < value.Length; i++)
            {
                _packed[i] = (_packed[i] & ~0xFFFFUL) | Quantise(value[i]);
            }
        }
    }

    public int CentroidCount => _packed.Length;

    /// <summary>The packed centroid words (see <see cref="WeightOf"/>, <see cref="IdfOf"/>), sorted by term id.</summary>
    public ReadOnlySpan<ulong> PackedCentroid => _packed;

    public ReadOnlySpan<TermKind> CentroidKinds => _kinds;

    /// <summary>Bytes the centroid occupies on the heap (arrays with their headers).</summary>
    public int CentroidBytes => 48 + (_packed.Length * 9);

    public double CentroidNorm { get; set; }

    /// <summary>IDF-weighted mass of the centroid's names and numbers (what the story says about who, where and how many).</summary>
    public double CentroidNameMass { get; set; }

    /// <summary>Representative slots; index 0 is the origin article.</summary>
    public List<int> Representatives { get; } = [];

    public uint[] IndexedTerms { get; set; } = [];

    /// <summary>The event year its first article that mentions one suggests (see <see cref="Scoring.EventYear"/>).</summary>
    public int? EventYear { get; set; }

    public StoryTracking Tracking { get; set; } = StoryTracking.Discovered;

    /// <summary>The engine's article sequence number at the story's first article (0 when unknown).</summary>
    public long BornAt { get; set; }

    /// <summary>Stories merged into this one (the shared empty array for nearly every story: no per-story list).</summary>
    public string[] MergedFrom { get; set; } = [];

    public StoryQuery? Query { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float WeightOf(ulong packed) => (float)BitConverter.UInt16BitsToHalf((ushort)(packed >> 16));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float IdfOf(ulong packed) => (float)BitConverter.UInt16BitsToHalf((ushort)packed);

    /// <summary>
    /// Half-precision bits of a weight or IDF: about 3 significant digits, plenty for a cosine. Saturates at the largest
    /// finite half (a weight past 65,504 would take a story of that many articles); a positive value too small for a
    /// half keeps the smallest positive one, so "has a positive IDF" survives the rounding.
    /// </summary>
    private static ushort Quantise(float value)
    {
        var half = (Half)Math.Clamp(value, (float)Half.MinValue, (float)Half.MaxValue);
        if (value > 0 && half == Half.Zero)
        {
            half = Half.Epsilon;
        }

        return BitConverter.HalfToUInt16Bits(half);
    }
}
