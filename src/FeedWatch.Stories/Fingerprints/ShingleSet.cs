using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>Sorted, distinct 64-bit hashes of word n-grams, with exact intersection counting by merge.</summary>
internal static class ShingleSet
{
    /// <summary>Word n-grams over every token (function words included: verbatim reuse keeps them).</summary>
    public static ulong[] WordGrams(ReadOnlySpan<Token> tokens, int n) => WordGrams(tokens, n, []);

    /// <summary>
    /// <see cref="WordGrams(ReadOnlySpan{Token}, int)"/>, and when <paramref name="minHash"/> is not empty (it must then
    /// hold <see cref="MinHashSketch.Bins"/> bins, all <see cref="MinHashSketch.Empty"/>) the one-permutation MinHash of
    /// the same n-grams, folded into the hashing pass: a bin keeps a minimum, so duplicates change nothing and the sketch
    /// of every window is the sketch of the distinct set <see cref="MinHashSketch.Build"/> would give.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong[] WordGrams(ReadOnlySpan<Token> tokens, int n, Span<ushort> minHash)
    {
        if (minHash.Length != 0 && minHash.Length != MinHashSketch.Bins)
        {
            throw new ArgumentException($"A MinHash sketch has {MinHashSketch.Bins} bins.", nameof(minHash));
        }

        if (tokens.Length < n)
        {
            if (tokens.Length == 0)
            {
                return [];
            }

            // A text shorter than one shingle is its own single shingle, so even one-word titles can match exactly.
            var h = 0UL;
            foreach (var t in tokens)
            {
                h = StableHash.Combine(h, t.Hash);
            }

            if (minHash.Length != 0)
            {
                MinHashSketch.Add(minHash, h);
            }

            return [h];
        }

        // Hashed into a reused buffer and sorted there; only the distinct hashes are copied out, into an array of their
        // exact size (the per-article allocation is the result alone, not a full-length array and its trimmed copy).
        var grams = HashSort.Buffer(tokens.Length - n + 1);
        if (n == 3)
        {
            HashTrigrams(tokens, grams, minHash);
        }
        else
        {
            for (var i = 0; i < grams.Length; i++)
            {
                var h = (ulong)n;
                for (var j = 0; j < n; j++)
                {
                    h = StableHash.Combine(h, tokens[i + j].Hash);
                }

                grams[i] = h;
            }

            if (minHash.Length != 0)
            {
                foreach (var h in grams)
                {
                    MinHashSketch.Add(minHash, h);
                }
            }
        }

        return HashSort.SortedDistinct(grams);
    }

    /// <summary>
    /// The 3-gram hashes (the general loop's nesting, unrolled: the window's three hashes are read without bounds checks)
    /// and, when wanted, their MinHash, in one pass. The three combines of a window depend on each other, but windows do
    /// not, so the processor overlaps consecutive windows.
    /// </summary>
    private static void HashTrigrams(ReadOnlySpan<Token> tokens, Span<ulong> grams, Span<ushort> minHash)
    {
        ref var token = ref MemoryMarshal.GetReference(tokens);
        ref var gram = ref MemoryMarshal.GetReference(grams);
        var count = grams.Length;
        if (minHash.Length == 0)
        {
            for (var i = 0; i < count; i++)
            {
                var h = StableHash.Combine(3UL, Unsafe.Add(ref token, i).Hash);
                h = StableHash.Combine(h, Unsafe.Add(ref token, i + 1).Hash);
                Unsafe.Add(ref gram, i) = StableHash.Combine(h, Unsafe.Add(ref token, i + 2).Hash);
            }

            return;
        }

        ref var bins = ref MemoryMarshal.GetReference(minHash);
        for (var i = 0; i < count; i++)
        {
            var h = StableHash.Combine(3UL, Unsafe.Add(ref token, i).Hash);
            h = StableHash.Combine(h, Unsafe.Add(ref token, i + 1).Hash);
            h = StableHash.Combine(h, Unsafe.Add(ref token, i + 2).Hash);
            Unsafe.Add(ref gram, i) = h;
            // The bin is below 64 = the sketch's length (read without a bounds check); the minimum is taken without a
            // branch (a new minimum is an unpredictable event early in the text).
            ref var bin = ref Unsafe.Add(ref bins, MinHashSketch.BinOf(h));
            bin = Math.Min(bin, MinHashSketch.ValueOf(h));
        }
    }

    public static ulong[] SortDistinct(ulong[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length < 2)
        {
            return values;
        }

        HashSort.Sort(values);
        var w = 1;
        for (var r = 1; r < values.Length; r++)
        {
            if (values[r] != values[w - 1])
            {
                values[w++] = values[r];
            }
        }

        return w == values.Length ? values : values[..w];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int IntersectionCount(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        // Branch-free merge: hash order is random, so a branching merge mispredicts on almost every step.
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            count += x == y ? 1 : 0;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }

        return count;
    }

    /// <summary>|A∩B| / |A|: how much of A is found in B (asymmetric, so aggregator pages that embed a story still match).</summary>
    public static double Containment(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) =>
        a.Length == 0 ? 0 : (double)IntersectionCount(a, b) / a.Length;
}
