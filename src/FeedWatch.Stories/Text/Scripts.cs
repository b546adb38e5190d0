namespace FeedWatch.Stories.Text;

/// <summary>Which <see cref="Script"/> a character belongs to (by Unicode block), and which language a text most likely is.</summary>
internal static class Scripts
{
    public static Script Of(char c) => c switch
    {
        < '\u0370' => Script.Latin,
        <= '\u03FF' or (>= '\u1F00' and <= '\u1FFF') => Script.Greek,
        <= '\u052F' or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => Script.Cyrillic,
        (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') => Script.Arabic,
        >= '\u0900' and <= '\u097F' => Script.Devanagari,
        (>= '\u0E00' and <= '\u0EFF') or (>= '\u1000' and <= '\u109F') or (>= '\u1780' and <= '\u17FF') => Script.Unspaced,
        (>= '\u2E80' and <= '\u2FDF') or (>= '\u3040' and <= '\u30FF') or (>= '\u3100' and <= '\u31FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF66' and <= '\uFF9F') => Script.Unspaced,
        _ => Script.Other,
    };

    /// <summary>
    /// The language of a text, from its letters: the dominant non-Latin script, then, within the Arabic script, letters
    /// only Urdu (ٹ ڈ ڑ ں ے ۔) or Persian (پ چ ژ گ without Urdu's) use; within Cyrillic, Ukrainian (і ї є ґ) and Bulgarian
    /// (ъ inside words, no ы or э). Null when the text is Latin (the English path) — a cheap script-based detector: the
    /// analyzers below are chosen per script, so the script decides almost everything a full language detector would.
    /// </summary>
    public static string? DetectLanguage(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[7];
        int urdu = 0, persian = 0, ukrainian = 0, russian = 0, hardSign = 0;
        var latin = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            var script = Of(c);
            if (script == Script.Latin)
            {
                latin++;
                continue;
            }

            counts[(int)script]++;
            switch (c)
            {
                case '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2' or '\u06BE' or '\u06C1': urdu++; break;
                case '\u067E' or '\u0686' or '\u0698' or '\u06AF': persian++; break;
                case 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ': ukrainian++; break;
                case 'ы' or 'э' or 'Ы' or 'Э' or 'ё' or 'Ё': russian++; break;
                case 'ъ': hardSign++; break;
                default: break;
            }
        }

        var best = Script.Latin;
        var bestCount = 0;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > bestCount)
            {
                (best, bestCount) = ((Script)s, counts[s]);
            }
        }

        if (bestCount == 0 || bestCount < latin / 4)
        {
            return null;
        }

        return best switch
        {
            Script.Arabic => urdu > 0 ? "ur" : persian > 0 ? "fa" : "ar",
            Script.Cyrillic => ukrainian > 0 ? "uk" : russian == 0 && hardSign > 0 ? "bg" : "ru",
            Script.Greek => "el",
            Script.Devanagari => "hi",
            Script.Unspaced => "zh",
            _ => null,
        };
    }

    /// <summary>The primary subtag of a language tag, lower-cased ("ur-PK" → "ur"); null for none.</summary>
    public static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var cut = tag.AsSpan().IndexOfAny('-', '_');
        return (cut < 0 ? tag : tag[..cut]).Trim().ToLowerInvariant();
    }
}
