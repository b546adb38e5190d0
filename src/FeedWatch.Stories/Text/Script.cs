namespace FeedWatch.Stories.Text;

/// <summary>The writing systems the analyzer treats differently from Latin text (docs/stories.md, "Languages").</summary>
internal enum Script
{
    /// <summary>Latin (and anything below U+0370): the English fast path.</summary>
    Latin,
    Greek,
    Cyrillic,
    Arabic,
    Devanagari,

    /// <summary>Written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar): character bigrams.</summary>
    Unspaced,

    /// <summary>Any other script with spaces (Hebrew, Hangul, Bengali, Tamil…): lower-cased whole words.</summary>
    Other,
}
