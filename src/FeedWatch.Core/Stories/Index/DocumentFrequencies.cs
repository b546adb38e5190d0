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
public sealed class DocumentFrequencies
{
    private const int RowBits = 20;
    private const int RowMask = (1 << RowBits) - 1;
    private readonly int[] _row0 = new int[1 << RowBits];
    private readonly int[] _row1 = new int[1 << RowBits];

    public long Documents { get; private set; }

    /// <summary>Changes whenever any count changes, so a reader can tell whether figures it read earlier still hold.</summary>
    public long Version { get; private set; }

    public void Observe(ReadOnlySpan<uint> distinctTerms)
    {
        Documents++;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            _row0[a]++;
            _row1[b]++;
        }
    }

    /// <summary>Takes back an earlier <see cref="Observe"/> of the same terms (a story's centroid changed or it left the index).</summary>
    public void Forget(ReadOnlySpan<uint> distinctTerms)
    {
        Documents--;
        Version++;
        foreach (var t in distinctTerms)
        {
            var (a, b) = Slots(t);
            _row0[a]--;
            _row1[b]--;
        }
    }

    public int Frequency(uint term)
    {
        var (a, b) = Slots(term);
        return Math.Min(_row0[a], _row1[b]);
    }

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

            // Slots are masked to the row size, so the reads need no bounds checks.
            for (var k = 0; k < count; k++)
            {
                into[from + k] = Math.Min(Unsafe.Add(ref row0, slots[2 * k]), Unsafe.Add(ref row1, slots[(2 * k) + 1]));
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

    public static long MemoryBytes => 2L * (1 << RowBits) * sizeof(int);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int A, int B) Slots(uint term)
    {
        var mixed = Text.StableHash.Mix(term);
        return ((int)(mixed & RowMask), (int)((mixed >> 32) & RowMask));
    }
}
