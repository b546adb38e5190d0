namespace FeedWatch.Stories.Text;

/// <summary>
/// The second pass of <see cref="TextAnalyzer"/> over a text with words in a non-Latin script (skipped for all-Latin text):
/// each such word gets the hash of its normalized form and of its stem (<see cref="LanguageWords"/>) and the stop flag of
/// its language; a run of a script written without spaces (Chinese, Japanese, Thai…) becomes overlapping character
/// bigrams (one character alone stays one token), the usual segmentation-free indexing of such text. Sentences are
/// re-pointed at the new token positions. Latin words pass through unchanged.
/// </summary>
internal static class ScriptRefiner
{
    public static AnalyzedText Refine(AnalyzedText analyzed, string? language)
    {
        var text = analyzed.Text;
        var tokens = analyzed.Tokens;
        language = Scripts.Primary(language) ?? Scripts.DetectLanguage(text);
        var refined = new List<Token>(tokens.Length + 16);
        // newStart[i]: the position of old token i's first new token; newStart[n]: the new count.
        var newStart = new int[tokens.Length + 1];
        for (var i = 0; i < tokens.Length; i++)
        {
            newStart[i] = refined.Count;
            var token = tokens[i];
            var script = Scripts.Of(text[token.Start]);
            if (script == Script.Latin || token.IsNumber)
            {
                refined.Add(token);
                continue;
            }

            var word = text.AsSpan(token.Start, token.Length);
            var keep = token.Flags & (TokenFlags.Capitalized | TokenFlags.SentenceStart | TokenFlags.Number);
            if (script == Script.Unspaced)
            {
                AddBigrams(refined, word, token.Start, keep);
                continue;
            }

            // A word's language is the text's when the script agrees, else the script's usual one.
            var wordLanguage = ScriptOf(language) == script ? language : DefaultLanguage(script);
            var (normal, stem, stop) = LanguageWords.Analyze(word, script, wordLanguage);
            refined.Add(new Token(HashOf(normal), HashOf(stem), token.Start, token.Length, keep | (stop ? TokenFlags.Stop : TokenFlags.None)));
        }

        newStart[tokens.Length] = refined.Count;
        var sentences = new Sentence[analyzed.Sentences.Length];
        for (var s = 0; s < sentences.Length; s++)
        {
            var old = analyzed.Sentences[s];
            var first = newStart[old.FirstToken];
            sentences[s] = old with { FirstToken = first, TokenCount = newStart[old.FirstToken + old.TokenCount] - first };
        }

        return new AnalyzedText(text, [.. refined], sentences);
    }

    private static Script? ScriptOf(string? language) => language switch
    {
        "ar" or "fa" or "ur" or "ps" or "ku" or "sd" => Script.Arabic,
        "ru" or "uk" or "bg" or "sr" or "mk" or "be" or "kk" => Script.Cyrillic,
        "el" => Script.Greek,
        "hi" or "mr" or "ne" or "sa" => Script.Devanagari,
        _ => null,
    };

    private static string? DefaultLanguage(Script script) => script switch
    {
        Script.Arabic => "ar",
        Script.Cyrillic => "ru",
        Script.Greek => "el",
        Script.Devanagari => "hi",
        _ => null,
    };

    private static void AddBigrams(List<Token> into, ReadOnlySpan<char> run, int start, TokenFlags keep)
    {
        if (run.Length == 1)
        {
            var one = HashOf(run);
            into.Add(new Token(one, one, start, 1, keep));
            return;
        }

        for (var k = 0; k + 1 < run.Length; k++)
        {
            var bigram = HashOf(run.Slice(k, 2));
            into.Add(new Token(bigram, bigram, start + k, 2, k == 0 ? keep : keep & ~TokenFlags.SentenceStart));
        }
    }

    /// <summary>FNV-1a over every character (marks included: Devanagari vowel signs tell words apart), then mixed.</summary>
    private static ulong HashOf(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return StableHash.Mix(h);
    }
}
