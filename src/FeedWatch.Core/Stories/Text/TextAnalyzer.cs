using System.Runtime.CompilerServices;

namespace FeedWatch.Core.Stories.Text;

/// <summary>
/// Splits text into tokens and sentences in one pass over the characters, allocating only the two result arrays.
/// Tokens are runs of letters/digits; apostrophes inside words and separators inside numbers (5,000 / 3.5) are kept
/// inside the token. Sentence ends: . ! ? followed by a capital or digit, or a blank line after a non-function word
/// (feeds often break lines in mid-sentence, so a single newline is no boundary).
/// </summary>
public static class TextAnalyzer
{
    private const int MaxWordLength = 64;

    private static readonly HashSet<ulong> Abbreviations =
        [.. new[] { "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec" }
            .Select(StableHash.OfLower)];

    // Scratch buffers reused across calls on the same thread: the analyzer allocates only its two exact-size results.
    [ThreadStatic]
    private static Token[]? _tokenScratch;

    [ThreadStatic]
    private static Sentence[]? _sentenceScratch;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static AnalyzedText Analyze(string text, int maxChars = 200_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxChars)
        {
            text = text[..maxChars];
        }

        var tokens = _tokenScratch ??= new Token[1024];
        var sentences = _sentenceScratch ??= new Sentence[128];
        var tokenCount = 0;
        var sentenceCount = 0;
        Span<char> lower = stackalloc char[MaxWordLength];
        var sentenceFirstToken = 0;
        var sentenceCharStart = -1;
        var i = 0;
        var span = text.AsSpan();
        while (i < span.Length)
        {
            var gapStart = i;
            while (i < span.Length && !IsLetterOrDigit(span[i]))
            {
                i++;
            }

            if (i >= span.Length)
            {
                break;
            }

            if (tokenCount > sentenceFirstToken && IsBoundary(span[gapStart..i], span[i], tokens[tokenCount - 1]))
            {
                var last = tokens[tokenCount - 1];
                if (sentenceCount == sentences.Length)
                {
                    Array.Resize(ref sentences, sentences.Length * 2);
                    _sentenceScratch = sentences;
                }

                sentences[sentenceCount++] = new Sentence(sentenceFirstToken, tokenCount - sentenceFirstToken, sentenceCharStart, last.Start + last.Length - sentenceCharStart);
                sentenceFirstToken = tokenCount;
                sentenceCharStart = -1;
            }

            var start = i;
            var isNumber = IsDigit(span[i]);
            var length = 0;
            var fnv = FnvOffset;
            while (i < span.Length)
            {
                var c = span[i];
                if (IsLetterOrDigit(c))
                {
                    if (length < MaxWordLength)
                    {
                        var l = ToLower(c);
                        lower[length++] = l;
                        fnv = (fnv ^ l) * FnvPrime;
                    }

                    isNumber &= IsDigit(c);
                    i++;
                    continue;
                }

                // Joiners: don't / it’s (letters on both sides), 5,000 / 3.5 (digits on both sides).
                if (i + 1 < span.Length && i > start)
                {
                    var next = span[i + 1];
                    var prev = span[i - 1];
                    if ((c is '\'' or '\u2019') && !isNumber && char.IsLetter(prev) && char.IsLetter(next))
                    {
                        i++;
                        continue;
                    }

                    if ((c is ',' or '.') && isNumber && IsDigit(prev) && IsDigit(next))
                    {
                        i++;
                        continue;
                    }
                }

                break;
            }

            var word = lower[..length];
            var hash = StableHash.Mix(fnv);
            var stemLength = isNumber ? length : LightStemmer.StemLength(word);
            var stem = stemLength == length ? hash : HashOf(word[..stemLength]);
            var flags = WordFlags.Of(hash);
            if (char.IsUpper(span[start]))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (isNumber)
            {
                flags |= TokenFlags.Number;
            }

            if (tokenCount == sentenceFirstToken)
            {
                flags |= TokenFlags.SentenceStart;
                sentenceCharStart = start;
            }

            if (tokenCount == tokens.Length)
            {
                Array.Resize(ref tokens, tokens.Length * 2);
                _tokenScratch = tokens;
            }

            tokens[tokenCount++] = new Token(hash, stem, start, i - start, flags);
        }

        if (tokenCount > sentenceFirstToken)
        {
            var last = tokens[tokenCount - 1];
            if (sentenceCount == sentences.Length)
            {
                Array.Resize(ref sentences, sentences.Length * 2);
                _sentenceScratch = sentences;
            }

            sentences[sentenceCount++] = new Sentence(sentenceFirstToken, tokenCount - sentenceFirstToken, sentenceCharStart, last.Start + last.Length - sentenceCharStart);
        }

        return new AnalyzedText(text, tokens.AsSpan(0, tokenCount).ToArray(), sentences.AsSpan(0, sentenceCount).ToArray());
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // ASCII fast paths with the exact char.* semantics for everything else.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterOrDigit(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => c < 128 ? (uint)(c - '0') <= 9 : char.IsDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ToLower(char c) => c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    private static ulong HashOf(ReadOnlySpan<char> lower)
    {
        var h = FnvOffset;
        foreach (var c in lower)
        {
            h = (h ^ c) * FnvPrime;
        }

        return StableHash.Mix(h);
    }

    private static bool IsBoundary(ReadOnlySpan<char> gap, char next, Token previous)
    {
        if (gap.Length == 1 && gap[0] == ' ')
        {
            return false; // the usual gap between two words of a sentence
        }

        var nextOpensSentence = char.IsUpper(next) || char.IsDigit(next);
        var hasTerminator = gap.IndexOfAny(".!?") >= 0;
        if (hasTerminator && nextOpensSentence)
        {
            // "Mr. Smith", "U.S. Army": a terminator right after an abbreviation or single letter is no boundary.
            var abbreviation = previous.Length == 1 || Abbreviations.Contains(previous.Hash);
            return !abbreviation || gap.IndexOf('\n') >= 0;
        }

        if (hasTerminator && gap.IndexOf('\n') >= 0)
        {
            return true;
        }

        // A blank line ends a heading or a paragraph, unless the line stopped on a function word ("... by the\n\nUS").
        var newlines = 0;
        foreach (var c in gap)
        {
            if (c == '\n')
            {
                newlines++;
            }
        }

        return newlines >= 2 && !previous.IsStop;
    }
}
