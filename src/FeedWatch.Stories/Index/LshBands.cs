using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Index;

/// <summary>MinHash-LSH band keys: one 32-bit key per band of complete rows (a band with an empty bin has none).</summary>
internal static class LshBands
{
    public static int Keys(ReadOnlySpan<ushort> minHash, int rowsPerBand, Span<uint> into)
    {
        var rows = Math.Clamp(rowsPerBand, 1, MinHashSketch.Bins);
        var count = 0;
        for (var band = 0; band + rows <= minHash.Length; band += rows)
        {
            var h = (ulong)band + 1;
            var complete = true;
            for (var r = 0; r < rows && complete; r++)
            {
                complete = minHash[band + r] != MinHashSketch.Empty;
                h = StableHash.Combine(h, minHash[band + r]);
            }

            if (complete)
            {
                into[count++] = (uint)h;
            }
        }

        return count;
    }
}
