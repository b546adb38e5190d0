using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace FeedWatch.Core.Feeds.Charsets;

/// <summary>
/// Maps the charset names found in the wild (Python codec spellings, IBM/EBCDIC aliases, Mac names, typos with
/// underscores) onto .NET code pages. The CodePagesEncodingProvider is registered once so legacy code pages exist.
/// </summary>
public static class EncodingAliases
{
    private static readonly FrozenDictionary<string, int> CodePages = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["utf8"] = 65001,
        ["utf-8"] = 65001,
        ["unicode-1-1-utf-8"] = 65001,
        ["cp65001"] = 65001,
        ["latin1"] = 28591,
        ["latin-1"] = 28591,
        ["l1"] = 28591,
        ["iso8859-1"] = 28591,
        ["iso-8859-1"] = 28591,
        ["ascii"] = 20127,
        ["us-ascii"] = 20127,
        ["ansi_x3.4-1968"] = 20127,
        ["646"] = 20127,
        ["macintosh"] = 10000,
        ["macroman"] = 10000,
        ["mac-roman"] = 10000,
        ["x-mac-roman"] = 10000,
        ["maccyrillic"] = 10007,
        ["mac-cyrillic"] = 10007,
        ["x-mac-cyrillic"] = 10007,
        ["macgreek"] = 10006,
        ["mac-greek"] = 10006,
        ["maciceland"] = 10079,
        ["mac-iceland"] = 10079,
        ["maclatin2"] = 10029,
        ["maccentraleurope"] = 10029,
        ["mac-latin2"] = 10029,
        ["macturkish"] = 10081,
        ["mac-turkish"] = 10081,
        ["cp_is"] = 861,
        ["cskoi8r"] = 20866,
        ["koi8-r"] = 20866,
        ["koi8-u"] = 21866,
        ["koi8-ru"] = 21866,
        ["cspc775baltic"] = 775,
        ["cspc850multilingual"] = 850,
        ["cspc862latinhebrew"] = 862,
        ["cspc8codepage437"] = 437,
        ["cspcp852"] = 852,
        ["ebcdic-cp-be"] = 500,
        ["ebcdic-cp-ch"] = 500,
        ["ebcdic-cp-ca"] = 37,
        ["ebcdic-cp-nl"] = 37,
        ["ebcdic-cp-us"] = 37,
        ["ebcdic-cp-wt"] = 37,
        ["ibm039"] = 37,
        ["csibm037"] = 37,
        ["csibm500"] = 500,
        ["gb2312"] = 54936,
        ["gbk"] = 54936,
        ["gb18030"] = 54936,
        ["cp936"] = 54936,
        ["euc-cn"] = 54936,
        ["x-gbk"] = 54936,
        ["big5"] = 950,
        ["big5-hkscs"] = 950,
        ["cp950"] = 950,
        ["shift_jis"] = 932,
        ["shift-jis"] = 932,
        ["sjis"] = 932,
        ["x-sjis"] = 932,
        ["ms932"] = 932,
        ["cp932"] = 932,
        ["ms_kanji"] = 932,
        ["euc-jp"] = 51932,
        ["eucjp"] = 51932,
        ["euc-kr"] = 51949,
        ["euckr"] = 51949,
        ["ks_c_5601-1987"] = 949,
        ["cp949"] = 949,
        ["iso-2022-jp"] = 50220,
        ["tis-620"] = 874,
        ["windows-874"] = 874,
        ["utf-16"] = 1201,
        ["utf16"] = 1201,
        ["utf-16be"] = 1201,
        ["utf-16le"] = 1200,
        ["ucs-2"] = 1201,
        ["iso-10646-ucs-2"] = 1201,
        ["unicode"] = 1200,
        ["u8"] = 65001,
        ["utf"] = 65001,
        ["u16"] = 1201,
        ["u32"] = 12001,
        ["utf32"] = 12001,
        ["utf-32"] = 12001,
        ["utf-32be"] = 12001,
        ["utf-32le"] = 12000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    static EncodingAliases() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Ensures the legacy code pages are available (idempotent).</summary>
    public static void EnsureRegistered()
    {
        // Touching the type runs the static constructor exactly once.
    }

    public static System.Text.Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = name.Trim().Trim('"', '\'').Trim();
        if (CodePages.TryGetValue(key, out var cp) || CodePages.TryGetValue(key.Replace('_', '-'), out cp))
        {
            return Get(cp);
        }

        var normalized = key.Replace('_', '-').ToLowerInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["cp", "ibm", "csibm", "windows-", "ms", "x-cp"])
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(normalized.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var page))
            {
                return Get(page == 39 ? 37 : page);
            }
        }

        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            return Get(bare);
        }

        try
        {
            return Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The lower-case name reported to callers (feedparser-style: gb2312 is read as its superset gb18030).</summary>
    public static string CanonicalName(System.Text.Encoding encoding) => encoding.CodePage switch
    {
        65001 => "utf-8",
        20127 => "us-ascii",
        1200 => "utf-16le",
        1201 => "utf-16be",
        12000 => "utf-32le",
        12001 => "utf-32be",
        54936 => "gb18030",
        28591 => "iso-8859-1",
        950 => "big5",
        _ => encoding.WebName.ToLowerInvariant(),
    };

    private static System.Text.Encoding? Get(int codePage)
    {
        try
        {
            return codePage switch
            {
                65001 => new UTF8Encoding(false, throwOnInvalidBytes: true),
                1200 => new UnicodeEncoding(false, false, throwOnInvalidBytes: true),
                1201 => new UnicodeEncoding(true, false, throwOnInvalidBytes: true),
                12000 => new UTF32Encoding(false, false, throwOnInvalidCharacters: true),
                12001 => new UTF32Encoding(true, false, throwOnInvalidCharacters: true),
                _ => Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback),
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
