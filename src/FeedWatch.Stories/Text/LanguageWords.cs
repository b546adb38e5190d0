using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.El;
using Lucene.Net.Analysis.Fa;
using Lucene.Net.Analysis.Hi;
using Lucene.Net.Analysis.In;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace FeedWatch.Stories.Text;

/// <summary>
/// Normalizing, stemming and stop words of one non-Latin word, with the maintained analyzers of Lucene.Net.Analysis.Common
/// (the ones its language analyzers chain): Arabic normalizer + light stemmer (ar), Persian normalizer (fa, ur), Snowball
/// Russian stemmer (ru), Bulgarian stemmer (bg), Greek lower-casing + stemmer (el), Indic + Hindi normalizers and Hindi
/// stemmer (hi), and each analyzer's default stop set. Scripts and languages without a maintained analyzer are lower-cased
/// and normalized (NFKC; Arabic-script diacritics and tatweel removed) without stemming. Per thread: stemmers keep state.
/// </summary>
internal static class LanguageWords
{
    [ThreadStatic]
    private static State? _state;

    private static readonly CharArraySet ArabicStops = ArabicAnalyzer.DefaultStopSet;
    private static readonly CharArraySet PersianStops = PersianAnalyzer.DefaultStopSet;
    private static readonly CharArraySet RussianStops = RussianAnalyzer.DefaultStopSet;
    private static readonly CharArraySet BulgarianStops = BulgarianAnalyzer.DefaultStopSet;
    private static readonly CharArraySet GreekStops = GreekAnalyzer.DefaultStopSet;
    private static readonly CharArraySet HindiStops = HindiAnalyzer.DefaultStopSet;

    private sealed class State
    {
        public readonly ArabicNormalizer ArabicNormalizer = new();
        public readonly ArabicStemmer ArabicStemmer = new();
        public readonly PersianNormalizer PersianNormalizer = new();
        public readonly RussianStemmer RussianStemmer = new();
        public readonly BulgarianStemmer BulgarianStemmer = new();
        public readonly GreekStemmer GreekStemmer = new();
        public readonly IndicNormalizer IndicNormalizer = new();
        public readonly HindiNormalizer HindiNormalizer = new();
        public readonly HindiStemmer HindiStemmer = new();
        public char[] Buffer = new char[64];
    }

    /// <summary>The normalized form (what exact matching compares), the stem (what topic terms compare) and whether it is a stop word.</summary>
    public static (string Normal, string Stem, bool Stop) Analyze(ReadOnlySpan<char> word, Script script, string? language)
    {
        var state = _state ??= new State();
        var lower = Lower(word, script);
        if (state.Buffer.Length < lower.Length)
        {
            state.Buffer = new char[lower.Length * 2];
        }

        var buffer = state.Buffer;
        lower.CopyTo(buffer);
        var length = lower.Length;
        switch (script)
        {
            case Script.Arabic:
                {
                    length = state.ArabicNormalizer.Normalize(buffer, length);
                    if (language is "fa" or "ur")
                    {
                        length = state.PersianNormalizer.Normalize(buffer, length);
                    }

                    var normal = new string(buffer, 0, length);
                    var stop = language == "ar" ? ArabicStops.Contains(buffer, 0, length) : language == "fa" && PersianStops.Contains(buffer, 0, length);
                    var stem = language == "ar" ? new string(buffer, 0, state.ArabicStemmer.Stem(buffer, length)) : normal;
                    return (normal, stem, stop);
                }

            case Script.Cyrillic when language == "bg":
                {
                    var normal = new string(buffer, 0, length);
                    return (normal, new string(buffer, 0, state.BulgarianStemmer.Stem(buffer, length)), BulgarianStops.Contains(buffer, 0, length));
                }

            case Script.Cyrillic when language == "ru":
                {
                    var normal = new string(buffer, 0, length).Replace('ё', 'е');
                    var stop = RussianStops.Contains(normal);
                    state.RussianStemmer.SetCurrent(normal);
                    state.RussianStemmer.Stem();
                    return (normal, state.RussianStemmer.Current, stop);
                }

            case Script.Greek:
                {
                    var normal = new string(buffer, 0, length);
                    var stop = GreekStops.Contains(buffer, 0, length);
                    return (normal, new string(buffer, 0, state.GreekStemmer.Stem(buffer, length)), stop);
                }

            case Script.Devanagari:
                {
                    length = state.IndicNormalizer.Normalize(buffer, length);
                    if (language == "hi")
                    {
                        length = state.HindiNormalizer.Normalize(buffer, length);
                        var normalHindi = new string(buffer, 0, length);
                        var stop = HindiStops.Contains(buffer, 0, length);
                        return (normalHindi, new string(buffer, 0, state.HindiStemmer.Stem(buffer, length)), stop);
                    }

                    var normal = new string(buffer, 0, length);
                    return (normal, normal, false);
                }

            default:
                {
                    var normal = new string(buffer, 0, length);
                    return (normal, normal, false);
                }
        }
    }

    /// <summary>
    /// Lower-cased, NFKC-normalized, without joiners (ZWNJ/ZWJ: Persian and Urdu writers use them or not), Arabic-script
    /// diacritics and tatweel; Greek also without accents and with σ for final ς (what Lucene's Greek lower-case filter does).
    /// </summary>
    private static string Lower(ReadOnlySpan<char> word, Script script)
    {
        var text = word.ToString();
        if (!text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var builder = new StringBuilder(text.Length);
        var source = script == Script.Greek ? text.Normalize(NormalizationForm.FormD) : text;
        foreach (var c in source)
        {
            if (c is '\u200C' or '\u200D' or '\u0640')
            {
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark && script is Script.Arabic or Script.Greek)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            builder.Append(script == Script.Greek && lower == 'ς' ? 'σ' : lower);
        }

        return builder.ToString();
    }
}
