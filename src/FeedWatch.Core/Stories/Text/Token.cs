namespace FeedWatch.Core.Stories.Text;

/// <summary>
/// One word of an analysed text. <see cref="Hash"/> identifies the exact lower-cased form (for shingles),
/// <see cref="Stem"/> a lightly stemmed form (for topic terms: "checks" and "checked" meet).
/// </summary>
public readonly record struct Token(ulong Hash, ulong Stem, int Start, int Length, TokenFlags Flags)
{
    public bool IsStop => (Flags & TokenFlags.Stop) != 0;

    public bool IsNumber => (Flags & TokenFlags.Number) != 0;

    /// <summary>A capitalised word that does not merely start a sentence: most likely part of a name.</summary>
    public bool IsNameLike => (Flags & (TokenFlags.Capitalized | TokenFlags.SentenceStart | TokenFlags.Stop)) == TokenFlags.Capitalized;
}
