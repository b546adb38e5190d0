using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Fingerprints;

/// <summary>
/// One-permutation MinHash: each shingle hash picks a bin by its top bits and the bin keeps the smallest 16-bit value.
/// O(shingles + bins) per article instead of O(shingles × permutations), and 2 bytes per bin in memory.
/// Empty bins (short texts) hold <see cref="Empty"/> and are ignored by estimates and by LSH bands.
/// </summary>
public static class MinHashSketch
{
    public const int Bins = 64;
    public const ushort Empty = ushort.MaxValue;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ushort[] Build(ReadOnlySpan<ulong> shingles)
    {
        var sketch = new ushort[Bins];
        Array.Fill(sketch, Empty);
        foreach (var h in shingles)
        {
            Add(sketch, h);
        }

        return sketch;
    }

    /// <summary>Takes one shingle hash into a sketch of <see cref="Bins"/> bins (its bin keeps the smaller value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<ushort> sketch, ulong shingle)
    {
        var bin = BinOf(shingle);
        var value = ValueOf(shingle);
        if (value < sketch[bin])
        {
            sketch[bin] = value;
        }
    }

    /// <summary>The bin a shingle hash falls in: its top six bits (below <see cref="Bins"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BinOf(ulong shingle) => (int)(shingle >> 58);

    /// <summary>The value a shingle hash offers its bin: its low 16 bits, kept below <see cref="Empty"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort ValueOf(ulong shingle) => (ushort)Math.Min((uint)(shingle & 0xFFFF), Empty - 1u);

    /// <summary>Estimated Jaccard similarity over the bins filled in either sketch.</summary>
    public static double Jaccard(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        int both = 0, equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == Empty && b[i] == Empty)
            {
                continue;
            }

            both++;
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return both == 0 ? 0 : (double)equal / both;
    }

    /// <summary>Containment of the smaller set in the larger one, derived from the Jaccard estimate and the set sizes.</summary>
    public static double OverlapCoefficient(ReadOnlySpan<ushort> a, int sizeA, ReadOnlySpan<ushort> b, int sizeB)
    {
        if (sizeA == 0 || sizeB == 0)
        {
            return 0;
        }

        var j = Jaccard(a, b);
        var intersection = j * (sizeA + sizeB) / (1 + j);
        return Math.Min(1, intersection / Math.Min(sizeA, sizeB));
    }
}
