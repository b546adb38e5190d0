namespace FeedWatch.Stories.Text;

/// <summary>
/// One word of an analysed text. <see cref="Hash"/> identifies the exact lower-cased form (for shingles),
/// <see cref="Stem"/> a lightly stemmed form (for topic terms: "checks" and "checked" meet).
/// </summary>
/// <remarks>
/// 24 bytes: <see cref="Length"/> (at most <see cref="MaxLength"/>) and <see cref="Flags"/> share one 32-bit field. An
/// article is ~700 tokens, copied out of the analyzer's scratch and then read by every fingerprint pass; with the two
/// fields apart a token was 32 bytes (25 rounded up to the 8-byte alignment of the hashes).
/// </remarks>
internal readonly record struct Token(ulong Hash, ulong Stem, int Start, int Length, TokenFlags Flags)
{
    /// <summary>The longest token in characters (24 bits): <see cref="TextAnalyzer"/> ends a word there.</summary>
    public const int MaxLength = (1 << 24) - 1;

    private readonly uint _lengthAndFlags = Pack(Length, Flags);

    public int Length
    {
        get => (int)(_lengthAndFlags & MaxLength);
        init => _lengthAndFlags = Pack(value, Flags);
    }

    public TokenFlags Flags
    {
        get => (TokenFlags)(_lengthAndFlags >> 24);
        init => _lengthAndFlags = (_lengthAndFlags & MaxLength) | ((uint)value << 24);
    }

    public bool IsStop => (Flags & TokenFlags.Stop) != 0;

    public bool IsNumber => (Flags & TokenFlags.Number) != 0;

    /// <summary>A capitalised word that does not merely start a sentence: most likely part of a name.</summary>
    public bool IsNameLike => (Flags & (TokenFlags.Capitalized | TokenFlags.SentenceStart | TokenFlags.Stop)) == TokenFlags.Capitalized;

    private static uint Pack(int length, TokenFlags flags)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)length, (uint)MaxLength, nameof(length));
        return (uint)length | ((uint)flags << 24);
    }
}
