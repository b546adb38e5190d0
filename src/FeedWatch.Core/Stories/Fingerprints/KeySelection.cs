namespace FeedWatch.Core.Stories.Fingerprints;

/// <summary>Partial selection of packed sort keys: when only the best few of many keys are wanted, in order.</summary>
internal static class KeySelection
{
    /// <summary>
    /// Moves the <paramref name="count"/> smallest keys (in some order) to the front: quickselect, O(n) where a full sort
    /// of every distinct term cost more than choosing the hundred kept ones.
    /// </summary>
    public static void SmallestFirst(Span<ulong> keys, int count)
    {
        var lo = 0;
        var hi = keys.Length - 1;
        while (lo < hi && count > lo && count <= hi)
        {
            // Median of three as pivot; Hoare partition.
            var mid = lo + ((hi - lo) >> 1);
            var a = keys[lo];
            var b = keys[mid];
            var c = keys[hi];
            var pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[lo..j] <= pivot <= keys[i..hi], and everything between j and i equals the pivot.
            if (count <= j + 1)
            {
                hi = j;
            }
            else if (count >= i)
            {
                lo = i;
            }
            else
            {
                return;
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
