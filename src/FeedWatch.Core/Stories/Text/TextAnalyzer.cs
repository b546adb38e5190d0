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

    public static AnalyzedText Analyze(string text, int maxChars = 200_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxChars)
        {
            text = text[..maxChars];
        }

        var tokens = new List<Token>(Math.Max(16, text.Length / 6));
        var sentences = new List<Sentence>(Math.Max(4, text.Length / 120));
        Span<char> lower = stackalloc char[MaxWordLength];
        var sentenceFirstToken = 0;
        var sentenceCharStart = -1;
        var pendingBoundary = false;
        var i = 0;
        var span = text.AsSpan();
        while (i < span.Length)
        {
            var gapStart = i;
            while (i < span.Length && !char.IsLetterOrDigit(span[i]))
            {
                i++;
            }

            if (i >= span.Length)
            {
                break;
            }

            if (tokens.Count > sentenceFirstToken && IsBoundary(span[gapStart..i], span[i], tokens[^1]))
            {
                pendingBoundary = true;
            }

            if (pendingBoundary)
            {
                var last = tokens[^1];
                sentences.Add(new Sentence(sentenceFirstToken, tokens.Count - sentenceFirstToken, sentenceCharStart, last.Start + last.Length - sentenceCharStart));
                sentenceFirstToken = tokens.Count;
                sentenceCharStart = -1;
                pendingBoundary = false;
            }

            var start = i;
            var isNumber = char.IsDigit(span[i]);
            var length = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (char.IsLetterOrDigit(c))
                {
                    if (length < MaxWordLength)
                    {
                        lower[length++] = char.ToLowerInvariant(c);
                    }

                    isNumber &= char.IsDigit(c);
                    i++;
                    continue;
                }

                // Joiners: don't / it’s (letters on both sides), 5,000 / 3.5 (digits on both sides).
                if (i + 1 < span.Length && i > start)
                {
                    var next = span[i + 1];
                    var prev = span[i - 1];
                    if ((c is '\'' or '\u2019') && char.IsLetter(prev) && char.IsLetter(next) && !isNumber)
                    {
                        i++;
                        continue;
                    }

                    if ((c is ',' or '.') && char.IsDigit(prev) && char.IsDigit(next) && isNumber)
                    {
                        i++;
                        continue;
                    }
                }

                break;
            }

            var word = lower[..length];
            var hash = HashOf(word);
            var stem = isNumber ? hash : HashOf(word[..LightStemmer.StemLength(word)]);
            var flags = TokenFlags.None;
            if (StopWords.Contains(hash))
            {
                flags |= TokenFlags.Stop;
            }

            if (char.IsUpper(span[start]))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (isNumber)
            {
                flags |= TokenFlags.Number;
            }

            if (CommonNewsWords.Contains(hash))
            {
                flags |= TokenFlags.Common;
            }

            if (tokens.Count == sentenceFirstToken)
            {
                flags |= TokenFlags.SentenceStart;
                sentenceCharStart = start;
            }

            tokens.Add(new Token(hash, stem, start, i - start, flags));
        }

        if (tokens.Count > sentenceFirstToken)
        {
            var last = tokens[^1];
            sentences.Add(new Sentence(sentenceFirstToken, tokens.Count - sentenceFirstToken, sentenceCharStart, last.Start + last.Length - sentenceCharStart));
        }

        return new AnalyzedText(text, [.. tokens], [.. sentences]);
    }

    private static ulong HashOf(ReadOnlySpan<char> lower)
    {
        var h = 14695981039346656037UL;
        foreach (var c in lower)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return StableHash.Mix(h);
    }

    private static bool IsBoundary(ReadOnlySpan<char> gap, char next, Token previous)
    {
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
