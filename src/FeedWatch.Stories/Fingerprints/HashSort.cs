using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// Sorts 64-bit hashes with one counting pass over their top bits and insertion sort inside each bucket: hashes are
/// uniform, so buckets hold about one value each and the sort is linear (an introsort of a 700-shingle article cost
/// more than hashing it). The result is the same as <see cref="Array.Sort(Array)"/>.
/// </summary>
internal static class HashSort
{
    private const int SmallInput = 64;

    [ThreadStatic]
    private static ulong[]? _scratch;

    [ThreadStatic]
    private static int[]? _starts;

    [ThreadStatic]
    private static ulong[]? _input;

    /// <summary>
    /// A reused per-thread buffer of <paramref name="length"/> values for the caller to fill and sort (distinct from the
    /// sort's own scratch). Valid until the next call on the same thread.
    /// </summary>
    public static Span<ulong> Buffer(int length)
    {
        var buffer = _input is { } b && b.Length >= length ? b : _input = new ulong[Math.Max(length, 1024)];
        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// The distinct values, sorted, in a new array of their exact size (<paramref name="values"/> is left in some order).
    /// Large inputs are written out straight from the sort's scratch: no copy back into <paramref name="values"/> and no
    /// separate counting pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong[] SortedDistinct(Span<ulong> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            return [];
        }

        Span<ulong> sorted;
        if (n < SmallInput)
        {
            values.Sort();
            sorted = values;
        }
        else
        {
            sorted = SortIntoScratch(values);
        }

        // Distinct values are compacted in place without a branch (the write position advances only past a new value),
        // then copied out once.
        ref var at = ref MemoryMarshal.GetReference(sorted);
        var w = 1;
        for (var r = 1; r < n; r++)
        {
            var v = Unsafe.Add(ref at, r);
            Unsafe.Add(ref at, w) = v;
            w += v != Unsafe.Add(ref at, w - 1) ? 1 : 0;
        }

        var result = GC.AllocateUninitializedArray<ulong>(w);
        sorted[..w].CopyTo(result);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(Span<ulong> values)
    {
        var n = values.Length;
        if (n < SmallInput)
        {
            values.Sort();
            return;
        }

        SortIntoScratch(values).CopyTo(values);
    }

    /// <summary>The bucket sort of <paramref name="values"/> (at least <see cref="SmallInput"/> of them) into the thread's scratch.</summary>
    /// <remarks>
    /// Every index of the counting, prefix and scatter passes is below the bucket count or n, so they read and write
    /// without bounds checks; so does the insertion pass's first comparison, which settles nearly every value (one is out
    /// of order only when it shares its bucket with the value before it and is the smaller).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Span<ulong> SortIntoScratch(Span<ulong> values)
    {
        var n = values.Length;
        var bits = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)n); // about one value per bucket
        var buckets = 1 << bits;
        var shift = 64 - bits;
        var starts = _starts is { } s && s.Length >= buckets + 1 ? s : _starts = new int[Math.Max(buckets + 1, 1025)];
        var scratch = _scratch is { } t && t.Length >= n ? t : _scratch = new ulong[Math.Max(n, 1024)];
        Array.Clear(starts, 0, buckets + 1);
        ref var start = ref MemoryMarshal.GetArrayDataReference(starts);
        ref var into = ref MemoryMarshal.GetArrayDataReference(scratch);
        ref var from = ref MemoryMarshal.GetReference(values);
        for (var i = 0; i < n; i++)
        {
            // v >> shift < buckets (shift = 64 - bits), so the index is at most buckets.
            Unsafe.Add(ref start, (int)(Unsafe.Add(ref from, i) >> shift) + 1)++;
        }

        var sum = 0;
        for (var b = 1; b <= buckets; b++)
        {
            sum += Unsafe.Add(ref start, b);
            Unsafe.Add(ref start, b) = sum;
        }

        for (var i = 0; i < n; i++)
        {
            var v = Unsafe.Add(ref from, i);
            ref var at = ref Unsafe.Add(ref start, (int)(v >> shift));
            Unsafe.Add(ref into, at++) = v;
        }

        // Buckets are now contiguous and in order; insertion sort fixes the order inside each (tiny) bucket.
        for (var i = 1; i < n; i++)
        {
            var v = Unsafe.Add(ref into, i);
            if (Unsafe.Add(ref into, i - 1) <= v)
            {
                continue;
            }

            var j = i - 1;
            while (j >= 0 && scratch[j] > v)
            {
                scratch[j + 1] = scratch[j];
                j--;
            }

            scratch[j + 1] = v;
        }

        return scratch.AsSpan(0, n);
    }
}
