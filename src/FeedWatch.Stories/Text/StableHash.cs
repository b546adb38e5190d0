using System.Runtime.CompilerServices;
namespace FeedWatch.Stories.Text;

/// <summary>
/// Process-independent 64-bit hashing (string.GetHashCode is randomised per process, which would break determinism
/// and persisted sketches). FNV-1a over lower-cased UTF-16 code units, finished with the SplitMix64 mixer.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong a, ulong b) => Mix((a * 0x9E3779B97F4A7C15UL) ^ b);

    /// <summary>Hash of the lower-cased text, skipping characters that <see cref="TextAnalyzer"/> treats as joiners.</summary>
    public static ulong OfLower(ReadOnlySpan<char> text)
    {
        var h = FnvOffset;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                continue;
            }

            h = (h ^ char.ToLowerInvariant(c)) * FnvPrime;
        }

        return Mix(h);
    }

    public static ulong OfLower(string text) => OfLower(text.AsSpan());
}
