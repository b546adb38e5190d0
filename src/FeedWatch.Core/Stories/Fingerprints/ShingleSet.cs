using System.Runtime.CompilerServices;
using FeedWatch.Core.Stories.Text;

namespace FeedWatch.Core.Stories.Fingerprints;

/// <summary>Sorted, distinct 64-bit hashes of word n-grams, with exact intersection counting by merge.</summary>
public static class ShingleSet
{
    /// <summary>Word n-grams over every token (function words included: verbatim reuse keeps them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong[] WordGrams(ReadOnlySpan<Token> tokens, int n)
    {
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

            return [h];
        }

        // Hashed into a reused buffer and sorted there; only the distinct hashes are copied out, into an array of their
        // exact size (the per-article allocation is the result alone, not a full-length array and its trimmed copy).
        var grams = HashSort.Buffer(tokens.Length - n + 1);
        for (var i = 0; i < grams.Length; i++)
        {
            var h = (ulong)n;
            for (var j = 0; j < n; j++)
            {
                h = StableHash.Combine(h, tokens[i + j].Hash);
            }

            grams[i] = h;
        }

        HashSort.Sort(grams);
        var distinct = 1;
        for (var r = 1; r < grams.Length; r++)
        {
            distinct += grams[r] != grams[r - 1] ? 1 : 0;
        }

        var result = GC.AllocateUninitializedArray<ulong>(distinct);
        result[0] = grams[0];
        var w = 1;
        for (var r = 1; r < grams.Length; r++)
        {
            if (grams[r] != grams[r - 1])
            {
                result[w++] = grams[r];
            }
        }

        return result;
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
