using System.Runtime.CompilerServices;
using FeedWatch.Stories.Text;

namespace FeedWatch.Stories.Fingerprints;

/// <summary>
/// SpotSigs-style signatures anchored at function words, in the "skeleton" variant: from each function-word anchor,
/// a window of <see cref="Window"/> tokens in which function words stay literal and content words become a wildcard
/// (digits stay literal: spinners rarely change numbers). Synonym-substituting spinners swap content words but keep
/// function words and sentence shape, so these survive where word n-grams do not. Windows need at least two
/// function words and one content word, otherwise they are too generic to mean anything.
/// </summary>
internal static class SpotSignatures
{
    public const int Window = 6;

    private const ulong Wildcard = 0x5bd1e9955bd1e995UL;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong[] Build(ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length < Window)
        {
            return [];
        }

        var result = new ulong[tokens.Length - Window + 1];
        var count = 0;
        for (var i = 0; i + Window <= tokens.Length; i++)
        {
            if (!tokens[i].IsStop)
            {
                continue;
            }

            var h = 0x243F6A8885A308D3UL;
            var stops = 0;
            for (var j = 0; j < Window; j++)
            {
                var t = tokens[i + j];
                if (t.IsStop)
                {
                    stops++;
                    h = StableHash.Combine(h, t.Hash);
                }
                else
                {
                    h = StableHash.Combine(h, t.IsNumber ? t.Hash : Wildcard);
                }
            }

            if (stops >= 2 && stops < Window)
            {
                result[count++] = h;
            }
        }

        return ShingleSet.SortDistinct(count == result.Length ? result : result[..count]);
    }
}
