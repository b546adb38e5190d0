using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// One-permutation MinHash: each shingle hash picks a bin by its top bits and the bin keeps the smallest 16-bit value.
/// O(shingles + bins) per article instead of O(shingles × permutations), and 2 bytes per bin in memory.
/// Empty bins (short texts) hold <see cref="Empty"/> and are ignored by estimates and by LSH bands.
/// </summary>
internal static class MinHashSketch
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
    public static double Jaccard(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) =>
        a.Length == Bins && b.Length == Bins && Vector256.IsHardwareAccelerated ? JaccardVectorised(a, b) : JaccardScalar(a, b);

    /// <summary>
    /// <see cref="Jaccard"/> of two full sketches, 16 bins a compare: a bin counts when it is equal in both and filled
    /// (equal and empty in both is a bin neither has), and is compared when it is not empty in both. The same counts as
    /// the loop, so the same double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double JaccardVectorised(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
    {
        if (a.Length != Bins || b.Length != Bins)
        {
            throw new ArgumentException($"Both sketches must have {Bins} bins.");
        }

        var empty = Vector256.Create(Empty);
        int equal = 0, bothEmpty = 0;
        for (var i = 0; i < Bins; i += Vector256<ushort>.Count)
        {
            var va = Vector256.Create(a.Slice(i, Vector256<ushort>.Count));
            var same = Vector256.Equals(va, Vector256.Create(b.Slice(i, Vector256<ushort>.Count)));
            var emptyA = Vector256.Equals(va, empty);
            equal += BitOperations.PopCount(Vector256.AndNot(same, emptyA).ExtractMostSignificantBits());
            bothEmpty += BitOperations.PopCount((same & emptyA).ExtractMostSignificantBits());
        }

        var both = Bins - bothEmpty;
        return both == 0 ? 0 : (double)equal / both;
    }

    /// <summary><see cref="Jaccard"/> one bin at a time (any length; <paramref name="b"/> at least as long as <paramref name="a"/>).</summary>
    public static double JaccardScalar(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b)
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
