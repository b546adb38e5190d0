using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Text;

/// <summary>
/// A deliberately light English suffix stripper (plural, -ing, -ed) so inflections of one word meet as a topic term.
/// Aggressive stemming would conflate names and numbers; this only touches lower-case word endings.
/// </summary>
/// <remarks>
/// The rules: words of four letters or fewer are left alone; -ies/-ied keep the i ("studies"/"studied" meet at
/// "studi"); -ing is cut from words over five letters; -ed; -es after s, x, z, ch or sh; -s except after s, u or i;
/// a final e ("rehabilitate"/"rehabilitated" and "charge"/"charged" meet). When two apply, the longer cut wins.
/// </remarks>
internal static class LightStemmer
{
    /// <summary>Length of the stem of a lower-cased word (the caller hashes the prefix).</summary>
    public static int StemLength(ReadOnlySpan<char> lower)
    {
        ulong tail = 0;
        foreach (var c in lower[Math.Max(0, lower.Length - 4)..])
        {
            tail = (tail << 16) | c;
        }

        return lower.Length - StemCut(tail, lower.Length);
    }

    /// <summary>
    /// How many characters the stem drops (0 to 3), from the word's length and its last four lower-cased characters
    /// packed 16 bits each, the last one lowest (<c>tail = tail &lt;&lt; 16 | c</c> per character). The analyzer keeps
    /// that tail in a register as it scans, so stemming reads no memory; the rules are evaluated without branches
    /// (which suffix a word has is unpredictable, and each wrong guess cost more than the arithmetic).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StemCut(ulong tail, int length)
    {
        var last = (uint)tail & 0xFFFF;
        var second = (uint)(tail >> 16) & 0xFFFF;
        var third = (uint)(tail >> 32) & 0xFFFF;
        var fourth = (uint)(tail >> 48);
        var lastTwo = (uint)tail;
        var lastThree = tail & 0xFFFF_FFFF_FFFF;
        var es = (lastTwo == Pack2('e', 's')) & ((third == 's') | (third == 'x') | (third == 'z') | ((third == 'h') & ((fourth == 'c') | (fourth == 's'))));
        var two = (lastThree == Pack3('i', 'e', 's')) | (lastTwo == Pack2('e', 'd')) | es;
        var three = (length > 5) & (lastThree == Pack3('i', 'n', 'g'));
        var one = ((last == 's') & (second != 's') & (second != 'u') & (second != 'i')) | (last == 'e');
        // -ies and -es also end in s (one), -ied also in -ed (two): two wins over one; three excludes both (a final g).
        var cut = ((two ? 1 : 0) * 2) + ((three ? 1 : 0) * 3) + (((one & !two) ? 1 : 0));
        return cut * ((length > 4) ? 1 : 0);
    }

    private static uint Pack2(char a, char b) => ((uint)a << 16) | b;

    private static ulong Pack3(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;
}
