using System.Text;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>
/// Maps charset labels as they appear on the web onto .NET encodings. Follows the WHATWG Encoding Standard where it
/// differs from the IANA names: browsers read "iso-8859-1" and "ascii" as windows-1252, and GB2312/GBK as GB18030,
/// so pages written for browsers decode correctly only with the same substitutions.
/// </summary>
public static class EncodingLabels
{
    static EncodingLabels() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Dictionary<string, string> WebAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["iso-8859-1"] = "windows-1252",
        ["iso8859-1"] = "windows-1252",
        ["latin1"] = "windows-1252",
        ["l1"] = "windows-1252",
        ["ascii"] = "windows-1252",
        ["us-ascii"] = "windows-1252",
        ["cp1252"] = "windows-1252",
        ["x-cp1252"] = "windows-1252",
        ["cp1251"] = "windows-1251",
        ["gb2312"] = "gb18030",
        ["gbk"] = "gb18030",
        ["x-gbk"] = "gb18030",
        ["iso-8859-9"] = "windows-1254",
        ["latin5"] = "windows-1254",
        ["tis-620"] = "windows-874",
        ["iso-8859-11"] = "windows-874",
        ["x-sjis"] = "shift_jis",
        ["sjis"] = "shift_jis",
        ["ms_kanji"] = "shift_jis",
        ["windows-31j"] = "shift_jis",
        ["ks_c_5601-1987"] = "euc-kr",
        ["unicode-1-1-utf-8"] = "utf-8",
        ["utf8"] = "utf-8",
        ["x-mac-roman"] = "macintosh",
    };

    /// <summary>Resolves a label to an encoding, or null when it is unknown or unusable for HTML.</summary>
    public static Encoding? Resolve(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').Trim();
        if (WebAliases.TryGetValue(name, out var alias))
        {
            name = alias;
        }

        // A page that says it is UTF-16 in a meta tag cannot be: the tag itself was readable as ASCII.
        if (name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || name.StartsWith("utf-32", StringComparison.OrdinalIgnoreCase))
        {
            name = "utf-8";
        }

        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return StrictUtf8.Instance;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
