using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>Partial selection of packed sort keys: when only the best few of many keys are wanted, in order.</summary>
internal static class KeySelection
{
    /// <summary>
    /// Moves the <paramref name="count"/> smallest keys (in some order) to the front: quickselect, O(n) where a full sort
    /// of every distinct term cost more than choosing the hundred kept ones.
    /// </summary>
    /// <remarks>
    /// The partition is Lomuto's without a branch on the comparison: every key is swapped with the one at the write
    /// position, which advances only past a key below the pivot. Which side a key of a salience or hash order falls on is
    /// a coin toss, so the branching (Hoare) partition mispredicted about every other key. The pivot (median of three) is
    /// parked at the end and then put between the two sides, so every round removes at least one key from the range.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SmallestFirst(Span<ulong> keys, int count)
    {
        var lo = 0;
        var hi = keys.Length - 1;
        ref var first = ref MemoryMarshal.GetReference(keys);
        while (lo < hi && count > lo && count <= hi)
        {
            // Median of three as pivot, moved to hi. lo <= mid < hi, all inside the span: read without bounds checks.
            var mid = lo + ((hi - lo) >> 1);
            var a = Unsafe.Add(ref first, lo);
            var b = Unsafe.Add(ref first, mid);
            var c = Unsafe.Add(ref first, hi);
            var at = a < b ? (b < c ? mid : a < c ? hi : lo) : (a < c ? lo : b < c ? hi : mid);
            var pivot = Unsafe.Add(ref first, at);
            Unsafe.Add(ref first, at) = c;
            Unsafe.Add(ref first, hi) = pivot;

            // keys[lo..w) < pivot <= keys[w..r) after each step.
            var w = lo;
            for (var r = lo; r < hi; r++)
            {
                var v = Unsafe.Add(ref first, r);
                Unsafe.Add(ref first, r) = Unsafe.Add(ref first, w);
                Unsafe.Add(ref first, w) = v;
                w += v < pivot ? 1 : 0;
            }

            Unsafe.Add(ref first, hi) = Unsafe.Add(ref first, w);
            Unsafe.Add(ref first, w) = pivot;

            // Now keys[lo..w) < pivot = keys[w] <= keys(w..hi].
            if (count <= w)
            {
                hi = w - 1;
            }
            else if (count == w + 1)
            {
                return;
            }
            else
            {
                lo = w + 1;
            }
        }
    }

    /// <summary>
    /// The <paramref name="count"/> smallest keys, sorted, at the front of <paramref name="keys"/> (the rest in some
    /// order): the same front as a full sort when the keys are distinct, for a selection and a sort of the few.
    /// </summary>
    public static void SortSmallest(Span<ulong> keys, int count)
    {
        count = Math.Clamp(count, 0, keys.Length);
        SmallestFirst(keys, count);
        keys[..count].Sort();
    }
}
