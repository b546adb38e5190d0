using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories.Text;

/// <summary>
/// The straightforward character-at-a-time tokenizer and stemmer the engine used before the fast analyzer (kept here
/// as the specification): the fast <see cref="TextAnalyzer"/> must give exactly these tokens and sentences.
/// </summary>
internal static class ReferenceTextAnalyzer
{
    private const int MaxWordLength = 64;
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private static readonly HashSet<ulong> Abbreviations =
        [.. new[] { "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec" }
            .Select(StableHash.OfLower)];

    public static (Token[] Tokens, Sentence[] Sentences) Analyze(string text, int maxChars = 200_000)
    {
        if (text.Length > maxChars)
        {
            text = text[..maxChars];
        }

        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        var lower = new char[MaxWordLength];
        var sentenceFirstToken = 0;
        var sentenceCharStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var gapStart = i;
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (tokens.Count > sentenceFirstToken && IsBoundary(text.AsSpan(gapStart, i - gapStart), text[i], tokens[^1]))
            {
                var last = tokens[^1];
                sentences.Add(new Sentence(sentenceFirstToken, tokens.Count - sentenceFirstToken, sentenceCharStart, last.Start + last.Length - sentenceCharStart));
                sentenceFirstToken = tokens.Count;
                sentenceCharStart = -1;
            }

            var start = i;
            var isNumber = char.IsDigit(text[i]);
            var length = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c) || (c >= 128 && (c is '\u200C' or '\u200D' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)))
                {
                    if (length < MaxWordLength)
                    {
                        lower[length++] = char.ToLowerInvariant(c);
                    }

                    isNumber &= char.IsDigit(c);
                    i++;
                    continue;
                }

                if (i + 1 < text.Length && i > start)
                {
                    var next = text[i + 1];
                    var prev = text[i - 1];
                    if ((c is '\'' or '\u2019') && !isNumber && char.IsLetter(prev) && char.IsLetter(next))
                    {
                        i++;
                        continue;
                    }

                    if ((c is ',' or '.') && isNumber && char.IsDigit(prev) && char.IsDigit(next))
                    {
                        i++;
                        continue;
                    }
                }

                break;
            }

            var word = lower.AsSpan(0, length);
            var hash = HashOf(word);
            var stemLength = isNumber ? length : StemLength(word);
            var stem = HashOf(word[..stemLength]);
            var flags = TokenFlags.None;
            if (StopWords.Contains(hash))
            {
                flags |= TokenFlags.Stop;
            }

            if (CommonNewsWords.Contains(hash))
            {
                flags |= TokenFlags.Common;
            }

            if (char.IsUpper(text[start]))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (isNumber)
            {
                flags |= TokenFlags.Number;
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

        // Words of a non-Latin script: the second pass (its own tests check what it does).
        if (tokens.Any(t => text[t.Start] >= '\u0370'))
        {
            var refined = ScriptRefiner.Refine(new AnalyzedText(text, [.. tokens], [.. sentences]), null);
            return (refined.Tokens, refined.Sentences);
        }

        return ([.. tokens], [.. sentences]);
    }

    /// <summary>The stemmer's rules spelled out with string suffix tests.</summary>
    public static int StemLength(ReadOnlySpan<char> lower)
    {
        var n = lower.Length;
        if (n <= 4)
        {
            return n;
        }

        if (lower.EndsWith("ies") || lower.EndsWith("ied"))
        {
            return n - 2;
        }

        if (n > 5 && lower.EndsWith("ing"))
        {
            return n - 3;
        }

        if (lower.EndsWith("ed"))
        {
            return n - 2;
        }

        if (lower.EndsWith("es") && (lower[n - 3] is 's' or 'x' or 'z' || lower.EndsWith("ches") || lower.EndsWith("shes")))
        {
            return n - 2;
        }

        if (lower[n - 1] == 's' && lower[n - 2] is not ('s' or 'u' or 'i'))
        {
            return n - 1;
        }

        return lower[n - 1] == 'e' ? n - 1 : n;
    }

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
            return false;
        }

        if (gap.IndexOfAny("\u3002\uFF01\uFF1F\u0964\u06D4\u061F") >= 0)
        {
            return true;
        }

        var nextOpensSentence = char.IsUpper(next) || char.IsDigit(next) || (next >= '\u0370' && char.GetUnicodeCategory(next) == System.Globalization.UnicodeCategory.OtherLetter);
        var hasTerminator = gap.IndexOfAny(".!?") >= 0;
        if (hasTerminator && nextOpensSentence)
        {
            var abbreviation = previous.Length == 1 || Abbreviations.Contains(previous.Hash);
            return !abbreviation || gap.IndexOf('\n') >= 0;
        }

        if (hasTerminator && gap.IndexOf('\n') >= 0)
        {
            return true;
        }

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
