using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FeedWatch.Stories.Index;

namespace FeedWatch.Stories.Scoring;

/// <summary>
/// An article's weighted topic as the index sees it, built once per match: each term's <see cref="TermDictionary"/>
/// index (-1 for a term no stored story has, which can match nothing), and a look-up from index to the term's position
/// so comparing with a stored centroid stays one probe per story term. Optionally the article's lede names (positions
/// and weights), whose share in a story the comparison sums in the same pass.
/// </summary>
internal sealed class IndexedTopic
{
    // A 2,048-bit filter over the low bits of the article's term indexes (handed out densely, so their low bits are
    // spread evenly): most story terms are not among the article's, and one bit test rejects about 95 % of them.
    private const int FilterWords = 2048 / 64;
    private readonly ulong[] _filter = new ulong[FilterWords];

    // Open-addressing table of (index + 1) << 32 | position + 1; an all-zero entry is empty.
    private readonly ulong[] _lookup;
    private readonly int _shift;
    private readonly float[] _ledeWeights;

    /// <param name="topic">The article's weighted topic.</param>
    /// <param name="terms">The index's term dictionary.</param>
    /// <param name="ledeNames">Positions in <paramref name="topic"/> of its lede names (distinct), or empty.</param>
    public IndexedTopic(WeightedTopic topic, TermDictionary terms, ReadOnlySpan<int> ledeNames = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(terms);
        Topic = topic;
        var count = topic.Terms.Length;
        TermIndexes = new int[count];
        var size = 16;
        while (size < count * 4)
        {
            size <<= 1;
        }

        _lookup = new ulong[size];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        var mask = size - 1;
        var ids = count <= 512 ? stackalloc uint[count] : new uint[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = topic.Terms[i] | 1u;
        }

        // All look-ups in one batch: their cache misses into the dictionary overlap (see TermDictionary.FindAll).
        terms.FindAll(ids, TermIndexes);
        for (var i = 0; i < count; i++)
        {
            var index = TermIndexes[i];
            if (index < 0)
            {
                continue;
            }

            _filter[(index >> 6) & (FilterWords - 1)] |= 1UL << index;
            var slot = Home(index, _shift);
            while (_lookup[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _lookup[slot] = ((ulong)(uint)(index + 1) << 32) | (uint)(i + 1);
        }

        _ledeWeights = ledeNames.IsEmpty ? [] : new float[count];
        double ledeMass = 0;
        foreach (var at in ledeNames)
        {
            _ledeWeights[at] = topic.Weights[at];
            ledeMass += topic.Weights[at];
        }

        LedeMass = ledeMass;
    }

    public WeightedTopic Topic { get; }

    /// <summary>Dictionary index of each of the topic's terms (-1: not in the dictionary).</summary>
    public int[] TermIndexes { get; }

    /// <summary>Total weight of the lede names (summed in the order given).</summary>
    public double LedeMass { get; }

    /// <summary>Whether lede names were given (the comparison then sums their shared weight).</summary>
    public bool HasLedeNames => _ledeWeights.Length > 0;

    /// <summary>Weight of the lede name at a topic position, 0 when it is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float LedeWeightAt(int position) => _ledeWeights[position];

    /// <summary>False when the term index is certainly not the article's (one bit test), true when it may be.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(int termIndex) =>
        (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_filter), (termIndex >> 6) & (FilterWords - 1)) & (1UL << termIndex)) != 0;

    /// <summary>Position of the term with dictionary index <paramref name="termIndex"/> in the topic, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Probe(int termIndex)
    {
        var table = _lookup;
        var mask = table.Length - 1;
        var key = (ulong)(uint)(termIndex + 1);
        for (var slot = Home(termIndex, _shift); ; slot = (slot + 1) & mask)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (entry >> 32 == key)
            {
                return (int)(uint)entry - 1;
            }
        }
    }

    /// <summary>
    /// Writes the positions (ascending) of the stored centroid words whose term may be the article's — those that pass
    /// the filter — and returns how many: exactly the words <see cref="MayContain"/> passes. <paramref name="positions"/>
    /// needs one more element than there are words.
    /// </summary>
    public int Passing(ReadOnlySpan<uint> storyWords, Span<int> positions)
    {
        if (positions.Length < storyWords.Length + 1)
        {
            throw new ArgumentException("One position more than there are words is needed.", nameof(positions));
        }

        var count = 0;
        for (var j = 0; j < storyWords.Length; j++)
        {
            positions[count] = j;
            count += MayContain(CentroidWord.TermIndex(storyWords[j])) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Position of the term with this index, or -1 (filter, then table).</summary>
    public int IndexOf(int termIndex) => termIndex >= 0 && MayContain(termIndex) ? Probe(termIndex) : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(int termIndex, int shift) => (int)(((uint)termIndex * 2654435761u) >> shift);
}
