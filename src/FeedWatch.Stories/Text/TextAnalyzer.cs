using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FeedWatch.Stories.Text;

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
    public static AnalyzedText Analyze(string text, int maxChars = 200_000, string? language = null)
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
        Span<ulong> states = stackalloc ulong[MaxWordLength + 1];
        var sentenceFirstToken = 0;
        var sentenceCharStart = -1;
        var nonLatin = false;
        var i = 0;
        var span = text.AsSpan();
        while (true)
        {
            var gapStart = i;
            i = SkipGap(span, i);
            if (i >= span.Length)
            {
                break;
            }

            // One space between two words (the usual gap) never ends a sentence: decided here without the call.
            if (tokenCount > sentenceFirstToken && (i - gapStart != 1 || span[gapStart] != ' ') && IsBoundary(span[gapStart..i], span[i], in tokens[tokenCount - 1]))
            {
                ref readonly var last = ref tokens[tokenCount - 1];
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
            i = ScanWord(span, start, states, out var word);
            var hash = StableHash.Mix(word.Fnv);
            // The stem is a prefix of the word, at most three characters shorter: its hash is the FNV state the scan
            // passed through there (numbers are not stemmed), not a second pass over the characters.
            var cut = word.IsNumber ? 0 : LightStemmer.StemCut(word.Tail, word.Length);
            var stem = StableHash.Mix(states[word.Length - cut]);
            var flags = WordFlags.Of(hash);
            var first = span[start];
            nonLatin |= first >= '\u0370';
            if (first < 128 ? (uint)(first - 'A') <= 'Z' - 'A' : char.IsUpper(first))
            {
                flags |= TokenFlags.Capitalized;
            }

            if (word.IsNumber)
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
            // Most words follow their predecessor after one space and are plain ASCII: those are tokenised by a loop of
            // their own, which needs none of the sentence bookkeeping above (a single space never ends a sentence).
            i = ScanPlainRun(span, i, tokens, ref tokenCount, states);
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

        // The results are copied out of the scratch buffers into arrays that need no zeroing first.
        var tokenResult = GC.AllocateUninitializedArray<Token>(tokenCount);
        tokens.AsSpan(0, tokenCount).CopyTo(tokenResult);
        var analyzed = new AnalyzedText(text, tokenResult, sentences.AsSpan(0, sentenceCount).ToArray());

        // Words of a non-Latin script get their language's normalizing, stemming and stop words, and unspaced scripts
        // character bigrams (a second pass; an all-Latin text never takes it).
        return nonLatin ? ScriptRefiner.Refine(analyzed, language) : analyzed;
    }

    /// <summary>Index of the first letter or digit at or after <paramref name="i"/> (the span's length if none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipGap(ReadOnlySpan<char> span, int i)
    {
        while ((uint)i < (uint)span.Length && !IsLetterOrDigit(span[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>What <see cref="ScanWord"/> learned about one word.</summary>
    private struct WordScan
    {
        /// <summary>FNV-1a state after the (at most <see cref="MaxWordLength"/>) lower-cased characters kept.</summary>
        public ulong Fnv;

        /// <summary>The last four kept characters, 16 bits each, the last one lowest (what the stemmer reads).</summary>
        public ulong Tail;

        public int Length;
        public bool IsNumber;
    }

    /// <summary>
    /// Reads the word starting at <paramref name="start"/> (a letter or digit) and returns the index after it;
    /// <paramref name="states"/>[k] receives the FNV-1a state after the first k kept characters (the hashes of the
    /// word's prefixes, i.e. of its possible stems). The common case — a run of ASCII letters and digits — is one tight
    /// loop with every variable in a register and no call inside; anything else (a joiner candidate, a non-ASCII
    /// character) hands the scan over to <see cref="ContinueWord"/>, which treats every character as this loop would.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ScanWord(ReadOnlySpan<char> span, int start, Span<ulong> states, out WordScan word)
    {
        // Fast path: ASCII letters and digits only, each one kept (so the length is i - start), at most MaxWordLength of
        // them. Loop-carried state: the position, the hash, the tail and the OR of all characters (ASCII letters have
        // bit 6 set, digits do not: the word is a number when it stays clear). Bounds were checked by the caller and
        // by the limit, so the loop reads and writes without checks.
        ref var text = ref MemoryMarshal.GetReference(span);
        ref var stateAt = ref MemoryMarshal.GetReference(states);
        var limit = Math.Min(span.Length, start + MaxWordLength);
        var i = ScanPlainCharacters(ref text, ref stateAt, start, limit, out var fnv, out var tail, out var seen);

        word.Fnv = fnv;
        word.Tail = tail;
        word.Length = i - start;
        word.IsNumber = i > start ? (seen & 0x40) == 0 : IsDigit(span[start]);
        if (i < span.Length)
        {
            // A joiner candidate, a non-ASCII character or the length cap: the general scan takes over from here. A comma
            // or period joins only digits (5,000 / 3.5), so after a word of letters it ends the word here, as the general
            // scan would decide: about one word in seven ends on one, so the test is one expression without branches
            // and the general scan is called for numbers, apostrophes and non-ASCII text only.
            if (NeedsGeneralScan(Unsafe.Add(ref text, i), word.IsNumber, i == limit))
            {
                i = ContinueWord(span, start, i, states, ref word);
            }
        }

        states[word.Length] = word.Fnv;
        return i;
    }

    /// <summary>
    /// Tokenises the words that follow the one ending at <paramref name="i"/> for as long as each is preceded by exactly
    /// one space and is a plain word (ASCII letters and digits, no joiner candidate after it, under the length cap), and
    /// returns the index where the general loop takes over: the start of the first gap it did not take. What it writes is
    /// exactly what the general loop would have: such a word never starts a sentence and its gap never ends one. One loop
    /// with every variable in a register and no branch on what the word is (its flags, stem and capitalisation are
    /// computed without branches): about half of all words are function words and a tenth capitalised, unpredictably.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ScanPlainRun(ReadOnlySpan<char> span, int i, Token[] tokens, ref int tokenCount, Span<ulong> states)
    {
        ref var text = ref MemoryMarshal.GetReference(span);
        ref var stateAt = ref MemoryMarshal.GetReference(states);
        ref var tokenAt = ref MemoryMarshal.GetArrayDataReference(tokens);
        var length = span.Length;
        var count = tokenCount;
        var capacity = tokens.Length;
        while (count < capacity && i + 1 < length)
        {
            uint first = Unsafe.Add(ref text, i + 1);
            if (Unsafe.Add(ref text, i) != ' ' || ((first | 0x20) - 'a' > 'z' - 'a' && first - '0' > 9))
            {
                break;
            }

            var start = i + 1;
            var limit = Math.Min(length, start + MaxWordLength);
            var end = ScanPlainCharacters(ref text, ref stateAt, start, limit, out var fnv, out var tail, out var seen);

            var wordLength = end - start;
            var isNumber = (seen & 0x40) == 0;
            if (end < length)
            {
                // The word's end needs the general scan (as in ScanWord): leave the gap before it to the general loop.
                if (NeedsGeneralScan(Unsafe.Add(ref text, end), isNumber, end == limit))
                {
                    break;
                }
            }

            Unsafe.Add(ref stateAt, wordLength) = fnv;
            var hash = StableHash.Mix(fnv);
            // Numbers are not stemmed: the cut is masked to 0 for them.
            var cut = LightStemmer.StemCut(tail, wordLength) & ((isNumber ? 1 : 0) - 1);
            var stem = StableHash.Mix(Unsafe.Add(ref stateAt, wordLength - cut));
            var flags = (int)WordFlags.Of(hash)
                | (((first - 'A' <= 'Z' - 'A') ? 1 : 0) * (int)TokenFlags.Capitalized)
                | ((isNumber ? 1 : 0) * (int)TokenFlags.Number);
            Unsafe.Add(ref tokenAt, count) = new Token(hash, stem, start, wordLength, (TokenFlags)flags);
            count++;
            i = end;
        }

        tokenCount = count;
        return i;
    }

    /// <summary>
    /// The plain part of a word from <paramref name="start"/>: ASCII letters and digits, up to <paramref name="limit"/>;
    /// returns the index after them. <paramref name="stateAt"/>[k] receives the FNV-1a state after the first k characters,
    /// <paramref name="fnv"/> the state after all of them, <paramref name="tail"/> the last four lower-cased characters and
    /// <paramref name="seen"/> the OR of all characters (ASCII letters have bit 6 set, digits do not). Inlined into both
    /// word loops, so its state stays in their registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanPlainCharacters(ref char text, ref ulong stateAt, int start, int limit, out ulong fnv, out ulong tail, out uint seen)
    {
        var hash = FnvOffset;
        ulong last = 0;
        uint or = 0;
        var i = start;
        for (; i < limit; i++)
        {
            uint c = Unsafe.Add(ref text, i);
            // ASCII: setting bit 5 lower-cases a letter and leaves a digit as it is.
            var folded = c | 0x20;
            if (folded - 'a' > 'z' - 'a' && c - '0' > 9)
            {
                break;
            }

            Unsafe.Add(ref stateAt, i - start) = hash;
            hash = (hash ^ folded) * FnvPrime;
            last = (last << 16) | folded;
            or |= c;
        }

        (fnv, tail, seen) = (hash, last, or);
        return i;
    }

    /// <summary>
    /// Whether the character after a plain word needs the general scan: non-ASCII, an apostrophe, a comma or period after
    /// a number (5,000 / 3.5: a comma or period after a word of letters ends it), or the length cap reached. One expression
    /// without branches: about one word in seven ends on a comma or period.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NeedsGeneralScan(uint next, bool isNumber, bool atLimit) =>
        (next >= 128) | (next == '\'') | (((next == ',') | (next == '.')) & isNumber) | atLimit;

    /// <summary>
    /// The general word scan, from <paramref name="i"/> on, with the state <see cref="ScanWord"/> reached. A word ends
    /// after <see cref="Token.MaxLength"/> characters at the latest (the rest starts the next token).
    /// </summary>
    private static int ContinueWord(ReadOnlySpan<char> span, int start, int i, Span<ulong> states, ref WordScan word)
    {
        var end = Math.Min(span.Length, start + Token.MaxLength);
        while (i < end)
        {
            var c = span[i];
            if (IsLetterOrDigit(c) || IsInWordMark(c))
            {
                if (word.Length < MaxWordLength)
                {
                    var l = ToLower(c);
                    states[word.Length++] = word.Fnv;
                    word.Fnv = (word.Fnv ^ l) * FnvPrime;
                    word.Tail = (word.Tail << 16) | l;
                }

                word.IsNumber &= IsDigit(c);
                i++;
                continue;
            }

            if (IsJoiner(span, start, i, c, word.IsNumber))
            {
                i++;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>Joiners stay inside a word: don't / it’s (letters on both sides), 5,000 / 3.5 (digits on both sides).</summary>
    private static bool IsJoiner(ReadOnlySpan<char> span, int start, int i, char c, bool isNumber)
    {
        if (i + 1 >= span.Length || i <= start)
        {
            return false;
        }

        var next = span[i + 1];
        var prev = span[i - 1];
        if ((c is '\'' or '\u2019') && !isNumber && char.IsLetter(prev) && char.IsLetter(next))
        {
            return true;
        }

        return (c is ',' or '.') && isNumber && IsDigit(prev) && IsDigit(next);
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    // ASCII fast paths with the exact char.* semantics for everything else.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetterOrDigit(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 : char.IsLetterOrDigit(c);

    /// <summary>
    /// Combining marks (Devanagari vowel signs, Arabic diacritics, decomposed accents) and the zero-width joiners of
    /// Persian and Urdu continue a word; they never start one.
    /// </summary>
    private static bool IsInWordMark(char c) =>
        c >= 128 && (c is '\u200C' or '\u200D' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ToLower(char c) => c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => c < 128 ? (uint)(c - '0') <= 9 : char.IsDigit(c);

    private static bool IsBoundary(ReadOnlySpan<char> gap, char next, in Token previous)
    {
        if (gap.Length == 1 && gap[0] == ' ')
        {
            return false; // the usual gap between two words of a sentence
        }

        // Full stops of scripts without capitals (Chinese 。！？, Devanagari danda, Urdu full stop, Arabic question mark)
        // end a sentence whatever follows.
        if (gap.IndexOfAny("\u3002\uFF01\uFF1F\u0964\u06D4\u061F") >= 0)
        {
            return true;
        }

        var nextOpensSentence = char.IsUpper(next) || char.IsDigit(next) || (next >= '\u0370' && char.GetUnicodeCategory(next) == System.Globalization.UnicodeCategory.OtherLetter);
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
