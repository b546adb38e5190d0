using System.Text;
using System.Text.RegularExpressions;

namespace FeedWatch.Core.Articles.Decoding;

/// <summary>
/// Finds a charset declared inside the page (meta charset, meta http-equiv content-type, XML declaration) by
/// scanning the first bytes as ASCII, as browsers do before they know the encoding.
/// </summary>
public static partial class MetaCharsetPrescanner
{
    /// <summary>Browsers look at the first 1024 bytes; real pages often put long comments first, so look further.</summary>
    public const int PrescanBytes = 8192;

    public static string? FindDeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, PrescanBytes)];
        var text = Encoding.Latin1.GetString(head);

        var xml = XmlDeclaration().Match(text);
        if (xml.Success && xml.Index < 16)
        {
            return xml.Groups["cs"].Value;
        }

        foreach (Match meta in MetaTag().Matches(text))
        {
            var tag = meta.Value;
            var direct = CharsetAttribute().Match(tag);
            if (direct.Success)
            {
                return direct.Groups["cs"].Value;
            }

            if (HttpEquivContentType().IsMatch(tag))
            {
                var content = ContentAttribute().Match(tag);
                if (content.Success)
                {
                    var fromContent = HttpContentTypeCharset.Find(content.Groups["v"].Value);
                    if (fromContent is not null)
                    {
                        return fromContent;
                    }
                }
            }
        }

        return null;
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*encoding\s*=\s*["']?(?<cs>[\w.:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex("""<meta\b[^>]*>""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex("""\bcharset\s*=\s*["']?\s*(?<cs>[\w.:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetAttribute();

    [GeneratedRegex("""http-equiv\s*=\s*["']?\s*content-type""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HttpEquivContentType();

    [GeneratedRegex("""\bcontent\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>]+))""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentAttribute();
}
