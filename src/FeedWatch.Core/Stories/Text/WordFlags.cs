using System.Runtime.CompilerServices;
namespace FeedWatch.Core.Stories.Text;

/// <summary>
/// Function-word and common-news-word membership in one open-addressing table of word hashes, so the analyzer pays one
/// probe per token instead of one hash-set lookup per list. Built once from <see cref="StopWords"/> and
/// <see cref="CommonNewsWords"/>; read-only afterwards, so it is safe to share between threads.
/// </summary>
internal static class WordFlags
{
    private const int Size = 1024; // > 2× the two lists together: short probe chains
    private static readonly ulong[] Keys = new ulong[Size];
    private static readonly TokenFlags[] Values = new TokenFlags[Size];

    static WordFlags()
    {
        foreach (var word in StopWords.All)
        {
            Set(StableHash.OfLower(word), TokenFlags.Stop);
        }

        foreach (var word in CommonNewsWords.All)
        {
            Set(StableHash.OfLower(word), TokenFlags.Common);
        }
    }

    /// <summary>The Stop / Common flags of a lower-cased word hash (None for every other word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TokenFlags Of(ulong hash)
    {
        var slot = (int)(hash & (Size - 1));
        while (true)
        {
            var key = Keys[slot];
            if (key == hash)
            {
                return Values[slot];
            }

            if (key == 0)
            {
                return TokenFlags.None;
            }

            slot = (slot + 1) & (Size - 1);
        }
    }

    private static void Set(ulong hash, TokenFlags flag)
    {
        var slot = (int)(hash & (Size - 1));
        while (Keys[slot] != 0 && Keys[slot] != hash)
        {
            slot = (slot + 1) & (Size - 1);
        }

        Keys[slot] = hash;
        Values[slot] |= flag;
    }
}
