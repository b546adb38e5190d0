namespace FeedWatch.Stories.Text;

/// <summary>What the analyzer learned about a token without a dictionary.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>A function word: carries the sentence skeleton, not the topic.</summary>
    Stop = 1,

    /// <summary>Starts with an upper-case letter (a proper-name candidate unless it starts the sentence).</summary>
    Capitalized = 2,

    /// <summary>All digits (separators inside numbers such as 5,000 or 3.5 are kept inside the token).</summary>
    Number = 4,

    /// <summary>First token of its sentence.</summary>
    SentenceStart = 8,

    /// <summary>Common enough in news that it says little about which story this is.</summary>
    Common = 16,
}
