using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Text;

/// <summary>
/// Function-word and common-news-word membership in one table of word hashes, so the analyzer pays one look-up per
/// token instead of one hash-set probe per list. Built once from <see cref="StopWords"/> and <see cref="CommonNewsWords"/>;
/// read-only afterwards, so it is safe to share between threads.
/// </summary>
/// <remarks>
/// Cuckoo layout: every word sits in one of exactly two slots (chosen by the low and the high half of its hash), and a
/// look-up reads both and keeps whichever matches, without a branch. Nearly half of all tokens are function words, so
/// whether a probe chain ends at the first slot was a coin toss the processor mispredicted on every other token.
/// </remarks>
internal static class WordFlags
{
    private const int Size = 1024; // > 2× the two lists together, the load a two-choice cuckoo table needs
    private const int Mask = Size - 1;

    // Initialised by the field initialiser (no static constructor), so compiled callers need no initialisation check.
    private static readonly (ulong[] Keys, TokenFlags[] Values) Table = Build();

    /// <summary>The Stop / Common flags of a lower-cased word hash (None for every other word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TokenFlags Of(ulong hash)
    {
        // Both slots are masked to the table's size, so they are read without bounds checks; a slot's flags count when its
        // key is the hash (the comparison is turned into an all-ones or all-zeros mask: the JIT compiled the conditional
        // of the earlier version into two branches, mispredicted on about every other token).
        var (keys, values) = Table;
        ref var key = ref MemoryMarshal.GetArrayDataReference(keys);
        ref var value = ref MemoryMarshal.GetArrayDataReference(values);
        var a = (int)hash & Mask;
        var b = (int)(hash >> 32) & Mask;
        var inA = (int)Unsafe.Add(ref value, a) & -((Unsafe.Add(ref key, a) == hash) ? 1 : 0);
        var inB = (int)Unsafe.Add(ref value, b) & -((Unsafe.Add(ref key, b) == hash) ? 1 : 0);
        return (TokenFlags)(inA | inB);
    }

    private static (ulong[] Keys, TokenFlags[] Values) Build()
    {
        var flags = new Dictionary<ulong, TokenFlags>();
        foreach (var word in StopWords.All)
        {
            flags[StableHash.OfLower(word)] = flags.GetValueOrDefault(StableHash.OfLower(word)) | TokenFlags.Stop;
        }

        foreach (var word in CommonNewsWords.All)
        {
            flags[StableHash.OfLower(word)] = flags.GetValueOrDefault(StableHash.OfLower(word)) | TokenFlags.Common;
        }

        var keys = new ulong[Size];
        var values = new TokenFlags[Size];
        // Insert in hash order so the table is the same in every process.
        foreach (var (hash, flag) in flags.OrderBy(pair => pair.Key))
        {
            Insert(keys, values, hash, flag);
        }

        return (keys, values);
    }

    private static void Insert(ulong[] keys, TokenFlags[] values, ulong hash, TokenFlags flag)
    {
        // Classic cuckoo insertion: take a free one of the two slots, else evict the occupant to its other slot.
        var slot = (int)hash & Mask;
        for (var kicks = 0; kicks < Size; kicks++)
        {
            if (keys[slot] == 0)
            {
                keys[slot] = hash;
                values[slot] = flag;
                return;
            }

            var other = (int)(hash >> 32) & Mask;
            if (slot != other && keys[other] == 0)
            {
                keys[other] = hash;
                values[other] = flag;
                return;
            }

            (keys[slot], hash) = (hash, keys[slot]);
            (values[slot], flag) = (flag, values[slot]);
            // The evicted word moves to its alternative slot.
            slot = slot == ((int)hash & Mask) ? (int)(hash >> 32) & Mask : (int)hash & Mask;
        }

        throw new InvalidOperationException("The function-word table is too full for its two-choice layout; enlarge WordFlags.Size.");
    }
}
