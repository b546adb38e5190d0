using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// One stored centroid term in 32 bits: its <see cref="TermDictionary"/> index (23 bits), a bit for "name or number"
/// and its 8-bit weight code (<see cref="CentroidCodec"/>). The IDF code sits in a parallel byte array.
/// </summary>
internal static class CentroidWord
{
    /// <summary>Where the term index starts in the word (the vectorised filter test shifts by it).</summary>
    public const int IndexShift = 9;
    private const uint NameBit = 1u << 8;

    public static uint Pack(int termIndex, bool isName, byte weightCode)
    {
        if ((uint)termIndex >= TermDictionary.MaxTerms)
        {
            throw new ArgumentOutOfRangeException(nameof(termIndex), termIndex, "A term index has 23 bits.");
        }

        return ((uint)termIndex << IndexShift) | (isName ? NameBit : 0u) | weightCode;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TermIndex(uint word) => (int)(word >> IndexShift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsName(uint word) => (word & NameBit) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte WeightCode(uint word) => (byte)word;
}
