using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// Online document frequencies in fixed memory: a two-row count-min sketch, so the vocabulary of millions of articles
/// never grows the engine. Over-estimates only, i.e. a rare term may look slightly less rare. Plain (not conservative)
/// update so that <see cref="Forget"/> can take an observation back exactly: the story engine counts the terms of the
/// active stories' centroids, a function of the persisted profiles alone (a restarted engine sees the same figures).
/// Not thread-safe (reads fill a memo), like the engine that owns it.
/// </summary>
/// <remarks>
/// <para>
/// Blocked layout: the sketch is 65,536 cache lines of 32 counters, and a term's two counters are in the same line —
/// the line chosen by 16 bits of the mixed term, its row-0 counter by 4 more bits among the line's first 16 counters and
/// its row-1 counter by 4 others among the last 16. Topic selection reads ~350 terms a fingerprint from a 4 MB table,
/// nearly every read a cache (and TLB) miss: one line per term instead of two rows far apart halves the misses. Each
/// row still has 2^20 counters with the same expected load; what the layout changes is that two terms can share both
/// their counters only by sharing a line (2^-16) and then both slots (2^-8): 2^-24 for a pair of terms instead of
/// 2^-40 — rare still, and a shared counter only over-estimates. So counts differ slightly from the unblocked sketch's
/// (the sketch is rebuilt from the persisted profiles on load: nothing persisted depends on the layout). The array is
/// allocated pinned and read from its first 64-byte boundary, so a line is a cache line.
/// </para>
/// <para>
/// Counters are 16 bits. A counter that reaches <see cref="Saturated"/> keeps its exact count in a side table, so every
/// count is exactly what 32-bit counters held: only a counter shared by tens of thousands of active stories gets there,
/// and a read needs the side table only when both of a term's counters are there (the minimum of a saturated and an
/// unsaturated counter is the unsaturated one).
/// </para>
/// </remarks>
internal sealed class DocumentFrequencies
{
    private const int LineBits = 16;
    private const int LineMask = (1 << LineBits) - 1;

    /// <summary>Counters in one 64-byte cache line; the first half are row 0's, the second half row 1's.</summary>
    private const int LineCounters = 32;
    private const int HalfMask = (LineCounters / 2) - 1;
    private const int Counters = LineCounters << LineBits;
    private const int CacheLineBytes = 64;

    /// <summary>A counter at this value holds its count (this or more) in the side table.</summary>
    private const ushort Saturated = ushort.MaxValue;

    // Pinned (never moved by the GC), so the 64-byte boundary found once stays one; one cache line of slack for it.
    private readonly ushort[] _counters = GC.AllocateArray<ushort>(Counters + (CacheLineBytes / sizeof(ushort)), pinned: true);
    private readonly int _first;
    private readonly Dictionary<int, int> _overflow = [];

    /// <param name="backgroundDocuments">
    /// Background documents (docs/stories.md, "Cold start"): the sketch starts as if it had seen this many documents drawn
    /// from ordinary English (<see cref="BackgroundPrior"/>), so a common word is common from the first article on; 0 for
    /// none. They are not <see cref="Documents"/> and are never forgotten.
    /// </param>
    public DocumentFrequencies(int backgroundDocuments = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(backgroundDocuments);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(backgroundDocuments, Saturated / 2);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_counters, 0);
        _first = (int)((CacheLineBytes - (address & (CacheLineBytes - 1))) & (CacheLineBytes - 1)) / sizeof(ushort);
        BackgroundDocuments = backgroundDocuments;
        if (backgroundDocuments == 0)
        {
            return;
        }

        foreach (var (term, chance) in BackgroundPrior.English)
        {
            var count = (int)Math.Round(backgroundDocuments * chance);
            var (a, b) = Slots(term);
            _counters[a] = (ushort)Math.Min(Saturated - 1, _counters[a] + count);
            _counters[b] = (ushort)Math.Min(Saturated - 1, _counters[b] + count);
        }
    }

    /// <summary>The background documents the counts started with (0: none).</summary>
    public int BackgroundDocuments { get; }

    public long Documents { get; private set; }

    /// <summary>Changes whenever any count changes, so a reader can tell whether figures it read earlier still hold.</summary>
    public long Version { get; private set; }

    /// <summary>Counters whose count is kept in the side table (diagnostics and tests).</summary>
    public int SaturatedCounters => _overflow.Count;

    public void Observe(ReadOnlySpan<uint> distinctTerms)
    {
        Documents++;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            Increment(a);
            Increment(b);
        }
    }

    /// <summary>Takes back an earlier <see cref="Observe"/> of the same terms (a story's centroid changed or it left the index).</summary>
    /// <exception cref="InvalidOperationException">A term's counter is already 0 (the terms were not observed); nothing is changed.</exception>
    public void Forget(ReadOnlySpan<uint> distinctTerms)
    {
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            if (_counters[a] == 0 || _counters[b] == 0)
            {
                throw new InvalidOperationException("A document frequency would go below zero: the terms forgotten were not observed.");
            }
        }

        Documents--;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            Decrement(a);
            Decrement(b);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Increment(int slot)
    {
        var value = _counters[slot];
        if (value < Saturated - 1)
        {
            _counters[slot] = (ushort)(value + 1);
        }
        else
        {
            IncrementSaturated(slot);
        }
    }

    private void IncrementSaturated(int slot)
    {
        if (_counters[slot] == Saturated)
        {
            _overflow[slot]++;
        }
        else
        {
            _counters[slot] = Saturated;
            _overflow[slot] = Saturated;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Decrement(int slot)
    {
        if (_counters[slot] != Saturated)
        {
            _counters[slot]--;
        }
        else
        {
            DecrementSaturated(slot);
        }
    }

    private void DecrementSaturated(int slot)
    {
        var count = _overflow[slot] - 1;
        if (count < Saturated)
        {
            _overflow.Remove(slot);
            _counters[slot] = (ushort)count;
        }
        else
        {
            _overflow[slot] = count;
        }
    }

    public int Frequency(uint term)
    {
        var (a, b) = Slots(term);
        int count = Math.Min(_counters[a], _counters[b]);
        return count == Saturated ? SaturatedMinimum(a, b) : count;
    }

    /// <summary>Both counters are saturated: the smaller of the two exact counts of the side tables.</summary>
    private int SaturatedMinimum(int a, int b) => Math.Min(_overflow[a], _overflow[b]);

    /// <summary>
    /// <see cref="Frequency"/> of many terms at once (<paramref name="into"/>[k] for <paramref name="terms"/>[k]). The
    /// sketch is 4 MB, so nearly every read misses the cache and the TLB (one line per term: both counters are in it):
    /// the slots are computed first, then the counters are read in one tight loop of independent loads, so dozens of
    /// misses are in flight at a time instead of a few between the hashing of one term and the next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Frequencies(ReadOnlySpan<uint> terms, Span<int> into)
    {
        if (into.Length < terms.Length)
        {
            throw new ArgumentException("The output is shorter than the terms.", nameof(into));
        }

        const int Chunk = 256;
        Span<int> slots = stackalloc int[2 * Chunk];
        ref var counters = ref MemoryMarshal.GetArrayDataReference(_counters);
        for (var from = 0; from < terms.Length; from += Chunk)
        {
            var count = Math.Min(Chunk, terms.Length - from);
            for (var k = 0; k < count; k++)
            {
                var (a, b) = Slots(terms[from + k]);
                slots[2 * k] = a;
                slots[(2 * k) + 1] = b;
            }

            // Slots are masked to the sketch's size, so the reads need no bounds checks. A saturated minimum (both counters in
            // the side tables: practically never) is only noted here and resolved after the loop, which keeps the loop free
            // of calls and branches.
            var saturated = false;
            for (var k = 0; k < count; k++)
            {
                int frequency = Math.Min(Unsafe.Add(ref counters, slots[2 * k]), Unsafe.Add(ref counters, slots[(2 * k) + 1]));
                into[from + k] = frequency;
                saturated |= frequency == Saturated;
            }

            if (saturated)
            {
                for (var k = 0; k < count; k++)
                {
                    if (into[from + k] == Saturated)
                    {
                        into[from + k] = SaturatedMinimum(slots[2 * k], slots[(2 * k) + 1]);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Pseudo-documents in which no term occurs. Without them, a term seen once in the first handful of articles would
    /// look common, and the second article of a story would prefer exactly the terms it does NOT share.
    /// </summary>
    public const double PriorDocuments = 50;

    /// <summary>Smoothed inverse document frequency.</summary>
    public float Idf(uint term) => IdfOf(Frequency(term));

    /// <summary>Smoothed inverse document frequency of a term with the given <see cref="Frequency"/>.</summary>
    /// <remarks>
    /// Memoised for small frequencies (most terms of an article are rare): the value depends only on the frequency and
    /// <see cref="Documents"/>, so an entry computed while <see cref="Documents"/> had its current value is the very same
    /// float the logarithm would give again — the memo changes no result, it saves a logarithm per term.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float IdfOf(int frequency)
    {
        if ((uint)frequency < IdfMemoSize && _idfMemoDocuments[frequency] == Documents)
        {
            return _idfMemo[frequency];
        }

        return MemoiseIdf(frequency);
    }

    private const int IdfMemoSize = 1024;
    private readonly float[] _idfMemo = new float[IdfMemoSize];

    // The document count each memo entry was computed for; -1 (never a count) marks an empty entry.
    private readonly long[] _idfMemoDocuments = CreateEmptyMemoStamps();

    private static long[] CreateEmptyMemoStamps()
    {
        var stamps = new long[IdfMemoSize];
        Array.Fill(stamps, -1);
        return stamps;
    }

    private float MemoiseIdf(int frequency)
    {
        var idf = (float)Math.Log((Documents + PriorDocuments + BackgroundDocuments) / (frequency + 1.0));
        if ((uint)frequency < IdfMemoSize)
        {
            _idfMemo[frequency] = idf;
            _idfMemoDocuments[frequency] = Documents;
        }

        return idf;
    }

    /// <summary>
    /// Bytes of the counters (both rows: 2 × 2^20 16-bit counters; the 64 bytes of alignment slack and the side table of
    /// saturated counters, empty below tens of thousands of stories sharing a counter, are not counted).
    /// </summary>
    public static long MemoryBytes => (long)Counters * sizeof(ushort);

    /// <summary>
    /// A term's two counters, as indexes into the counter array: the same 64-byte line, the row-0 counter in its first
    /// half and the row-1 counter in its second (public for diagnostics and tests).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int A, int B) Slots(uint term)
    {
        var mixed = Text.StableHash.Mix(term);
        var line = _first + ((int)mixed & LineMask) * LineCounters;
        return (line + ((int)(mixed >> 32) & HalfMask), line + (LineCounters / 2) + ((int)(mixed >> 48) & HalfMask));
    }

    /// <summary>The address of a counter of <see cref="Slots"/> (tests check that a term's two counters share one 64-byte line).</summary>
    public long AddressOf(int slot) => (long)Marshal.UnsafeAddrOfPinnedArrayElement(_counters, slot);
}
