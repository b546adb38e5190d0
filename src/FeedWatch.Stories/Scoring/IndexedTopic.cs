using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
    /// the filter — and returns how many. <paramref name="positions"/> needs one more element than there are words.
    /// With AVX-512VL, eight words a step: the 2,048-bit filter is 64 dwords in eight vector registers, four two-table
    /// permutes and three selects fetch each word's filter dword, a variable shift its bit (no memory gather). Without
    /// it, a bit test per word, written without a branch. Either way exactly the words <see cref="MayContain"/> passes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Passing(ReadOnlySpan<uint> storyWords, Span<int> positions) =>
        Avx512F.VL.IsSupported ? PassingVectorised(storyWords, positions) : PassingScalar(storyWords, positions, 0, 0);

    /// <summary><see cref="Passing"/> without vector instructions (also the tail of the vectorised form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int PassingScalar(ReadOnlySpan<uint> storyWords, Span<int> positions, int from = 0, int count = 0)
    {
        if (positions.Length < storyWords.Length + 1)
        {
            throw new ArgumentException("One position more than there are words is needed.", nameof(positions));
        }

        for (var j = from; j < storyWords.Length; j++)
        {
            positions[count] = j;
            count += MayContain(CentroidWord.TermIndex(storyWords[j])) ? 1 : 0;
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PassingVectorised(ReadOnlySpan<uint> storyWords, Span<int> positions)
    {
        if (positions.Length < storyWords.Length + 1)
        {
            throw new ArgumentException("One position more than there are words is needed.", nameof(positions));
        }

        ReadOnlySpan<uint> filter = MemoryMarshal.Cast<ulong, uint>(_filter); // dword d holds filter bits 32d … 32d + 31
        var (f0, f1, f2, f3) = (Vector256.Create(filter[..8]), Vector256.Create(filter[8..16]), Vector256.Create(filter[16..24]), Vector256.Create(filter[24..32]));
        var (f4, f5, f6, f7) = (Vector256.Create(filter[32..40]), Vector256.Create(filter[40..48]), Vector256.Create(filter[48..56]), Vector256.Create(filter[56..64]));
        var one = Vector256<uint>.One;
        var low5 = Vector256.Create(31u);
        var low6 = Vector256.Create(63u);
        var bit4 = Vector256.Create(16u);
        var bit5 = Vector256.Create(32u);
        var lanes = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        var count = 0;
        var j = 0;
        for (; j + 8 <= storyWords.Length; j += 8)
        {
            var index = Vector256.ShiftRightLogical(Vector256.Create(storyWords.Slice(j, 8)), CentroidWord.IndexShift);
            var dword = Vector256.ShiftRightLogical(index, 5) & low6;
            // Each permute picks from 16 dwords by the low four bits; bits 4 and 5 choose among the four results.
            var low = Vector256.ConditionalSelect(Vector256.Equals(dword & bit4, bit4), Avx512F.VL.PermuteVar8x32x2(f2, dword, f3), Avx512F.VL.PermuteVar8x32x2(f0, dword, f1));
            var high = Vector256.ConditionalSelect(Vector256.Equals(dword & bit4, bit4), Avx512F.VL.PermuteVar8x32x2(f6, dword, f7), Avx512F.VL.PermuteVar8x32x2(f4, dword, f5));
            var word = Vector256.ConditionalSelect(Vector256.Equals(dword & bit5, bit5), high, low);
            var passed = Vector256.Equals(Avx2.ShiftRightLogicalVariable(word, index & low5) & one, one);
            // The passing lanes' positions packed to the front and all eight stored (count + 8 <= j + 8 <= words <
            // positions.Length, as count <= j): no loop over the passing bits, whose exit mispredicted about every step.
            Avx512F.VL.Compress(Vector256<int>.Zero, passed.AsInt32(), Vector256.Create(j) + lanes).CopyTo(positions.Slice(count, 8));
            count += System.Numerics.BitOperations.PopCount(passed.ExtractMostSignificantBits());
        }

        return PassingScalar(storyWords, positions, j, count);
    }

    /// <summary>Position of the term with this index, or -1 (filter, then table).</summary>
    public int IndexOf(int termIndex) => termIndex >= 0 && MayContain(termIndex) ? Probe(termIndex) : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(int termIndex, int shift) => (int)(((uint)termIndex * 2654435761u) >> shift);
}
