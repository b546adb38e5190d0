using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Online document frequencies in fixed memory: a two-row count-min sketch, so the vocabulary of millions of articles
/// never grows the engine. Over-estimates only, i.e. a rare term may look slightly less rare. Plain (not conservative)
/// update so that <see cref="Forget"/> can take an observation back exactly: the story engine counts the terms of the
/// active stories' centroids, a function of the persisted profiles alone (a restarted engine sees the same figures).
/// Not thread-safe (reads fill a memo), like the engine that owns it.
/// </summary>
/// <remarks>
/// Counters are 16 bits (4 MB for both rows instead of 8 MB of 32-bit ones: half the cache and TLB footprint of the
/// ~700 reads per fingerprint, and half the sketch's share of the index). A counter that reaches
/// <see cref="Saturated"/> keeps its exact count in a side table, so every count is exactly what 32-bit counters held:
/// only a counter shared by tens of thousands of active stories gets there, and a read needs the side table only when
/// both of a term's counters are there (the minimum of a saturated and an unsaturated counter is the unsaturated one).
/// </remarks>
public sealed class DocumentFrequencies
{
    private const int RowBits = 20;
    private const int RowMask = (1 << RowBits) - 1;

    /// <summary>A counter at this value holds its count (this or more) in the row's side table.</summary>
    private const ushort Saturated = ushort.MaxValue;

    private readonly ushort[] _row0 = new ushort[1 << RowBits];
    private readonly ushort[] _row1 = new ushort[1 << RowBits];
    private readonly Dictionary<int, int> _overflow0 = [];
    private readonly Dictionary<int, int> _overflow1 = [];

    public long Documents { get; private set; }

    /// <summary>Changes whenever any count changes, so a reader can tell whether figures it read earlier still hold.</summary>
    public long Version { get; private set; }

    /// <summary>Counters whose count is kept in the side tables (diagnostics and tests).</summary>
    public int SaturatedCounters => _overflow0.Count + _overflow1.Count;

    public void Observe(ReadOnlySpan<uint> distinctTerms)
    {
        Documents++;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            Increment(_row0, _overflow0, a);
            Increment(_row1, _overflow1, b);
        }
    }

    /// <summary>Takes back an earlier <see cref="Observe"/> of the same terms (a story's centroid changed or it left the index).</summary>
    /// <exception cref="InvalidOperationException">A term's counter is already 0 (the terms were not observed); nothing is changed.</exception>
    public void Forget(ReadOnlySpan<uint> distinctTerms)
    {
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            if (_row0[a] == 0 || _row1[b] == 0)
            {
                throw new InvalidOperationException("A document frequency would go below zero: the terms forgotten were not observed.");
            }
        }

        Documents--;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            Decrement(_row0, _overflow0, a);
            Decrement(_row1, _overflow1, b);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Increment(ushort[] row, Dictionary<int, int> overflow, int slot)
    {
        var value = row[slot];
        if (value < Saturated - 1)
        {
            row[slot] = (ushort)(value + 1);
        }
        else
        {
            IncrementSaturated(row, overflow, slot);
        }
    }

    private static void IncrementSaturated(ushort[] row, Dictionary<int, int> overflow, int slot)
    {
        if (row[slot] == Saturated)
        {
            overflow[slot]++;
        }
        else
        {
            row[slot] = Saturated;
            overflow[slot] = Saturated;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Decrement(ushort[] row, Dictionary<int, int> overflow, int slot)
    {
        if (row[slot] != Saturated)
        {
            row[slot]--;
        }
        else
        {
            DecrementSaturated(row, overflow, slot);
        }
    }

    private static void DecrementSaturated(ushort[] row, Dictionary<int, int> overflow, int slot)
    {
        var count = overflow[slot] - 1;
        if (count < Saturated)
        {
            overflow.Remove(slot);
            row[slot] = (ushort)count;
        }
        else
        {
            overflow[slot] = count;
        }
    }

    public int Frequency(uint term)
    {
        var (a, b) = Slots(term);
        int count = Math.Min(_row0[a], _row1[b]);
        return count == Saturated ? SaturatedMinimum(a, b) : count;
    }

    /// <summary>Both counters are saturated: the smaller of the two exact counts of the side tables.</summary>
    private int SaturatedMinimum(int a, int b) => Math.Min(_overflow0[a], _overflow1[b]);

    /// <summary>
    /// <see cref="Frequency"/> of many terms at once (<paramref name="into"/>[k] for <paramref name="terms"/>[k]). The
    /// sketch is 8 MB, so nearly every read misses the cache and the TLB: the slots are computed first, then the
    /// counters are read in one tight loop of independent loads, so dozens of misses are in flight at a time instead
    /// of a few between the hashing of one term and the next.
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
        ref var row0 = ref MemoryMarshal.GetArrayDataReference(_row0);
        ref var row1 = ref MemoryMarshal.GetArrayDataReference(_row1);
        for (var from = 0; from < terms.Length; from += Chunk)
        {
            var count = Math.Min(Chunk, terms.Length - from);
            for (var k = 0; k < count; k++)
            {
                var (a, b) = Slots(terms[from + k]);
                slots[2 * k] = a;
                slots[(2 * k) + 1] = b;
            }

            // Slots are masked to the row size, so the reads need no bounds checks. A saturated minimum (both counters in
            // the side tables: practically never) is only noted here and resolved after the loop, which keeps the loop free
            // of calls and branches.
            var saturated = false;
            for (var k = 0; k < count; k++)
            {
                int frequency = Math.Min(Unsafe.Add(ref row0, slots[2 * k]), Unsafe.Add(ref row1, slots[(2 * k) + 1]));
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
        var idf = (float)Math.Log((Documents + PriorDocuments) / (frequency + 1.0));
        if ((uint)frequency < IdfMemoSize)
        {
            _idfMemo[frequency] = idf;
            _idfMemoDocuments[frequency] = Documents;
        }

        return idf;
    }

    /// <summary>Bytes of the two rows of counters (the side tables of saturated counters, empty below tens of thousands of stories sharing a counter, are not counted).</summary>
    public static long MemoryBytes => 2L * (1 << RowBits) * sizeof(ushort);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int A, int B) Slots(uint term)
    {
        var mixed = Text.StableHash.Mix(term);
        return ((int)(mixed & RowMask), (int)((mixed >> 32) & RowMask));
    }
}
