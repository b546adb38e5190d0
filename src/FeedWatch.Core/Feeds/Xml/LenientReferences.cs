using System.Globalization;
using System.Net;
using System.Text;

namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// Character data as the lenient reader repairs it: numeric references (cp1252 code points mapped), the five XML
/// entities, HTML named references decoded by <see cref="WebUtility.HtmlDecode(string)"/>, bare ampersands kept and
/// control characters dropped — each repair recorded in the <see cref="ProblemLog"/>.
/// </summary>
internal static class LenientReferences
{
    public static void Read(string s, ref int pos, StringBuilder into, ProblemLog problems)
    {
        // pos is at '&'
        var start = pos;
        var i = pos + 1;
        if (i < s.Length && s[i] == '#')
        {
            i++;
            var hex = i < s.Length && (s[i] == 'x' || s[i] == 'X');
            if (hex)
            {
                i++;
            }

            var digitsStart = i;
            while (i < s.Length && i - digitsStart < 8 && (hex ? char.IsAsciiHexDigit(s[i]) : char.IsAsciiDigit(s[i])))
            {
                i++;
            }

            if (i > digitsStart && int.TryParse(s.AsSpan(digitsStart, i - digitsStart), hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out var cp))
            {
                if (i < s.Length && s[i] == ';')
                {
                    i++;
                }
                else
                {
                    problems.Add("character reference without ';'");
                }

                AppendCodePoint(into, cp, problems);
                pos = i;
                return;
            }
        }
        else
        {
            while (i < s.Length && i - start < 40 && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-' or '.'))
            {
                i++;
            }

            if (i < s.Length && s[i] == ';' && i > start + 1)
            {
                var name = s[(start + 1)..i];
                switch (name)
                {
                    case "amp": into.Append('&'); break;
                    case "lt": into.Append('<'); break;
                    case "gt": into.Append('>'); break;
                    case "quot": into.Append('"'); break;
                    case "apos": into.Append('\''); break;
                    default:
                        // The HTML 4 named references (&nbsp; &eacute; …) that feeds use although XML does not define them.
                        var reference = s[start..(i + 1)];
                        var decoded = WebUtility.HtmlDecode(reference);
                        if (!string.Equals(decoded, reference, StringComparison.Ordinal))
                        {
                            problems.Add($"undefined entity &{name}; (decoded as HTML)");
                            into.Append(decoded);
                        }
                        else
                        {
                            problems.Add($"undefined entity &{name}; (kept as text)");
                            into.Append(s, start, i + 1 - start);
                        }

                        break;
                }

                pos = i + 1;
                return;
            }
        }

        problems.Add("bare '&' in text");
        into.Append('&');
        pos = start + 1;
    }

    private static void AppendCodePoint(StringBuilder into, int cp, ProblemLog problems)
    {
        if (cp is 0x9 or 0xA or 0xD || (cp >= 0x20 && cp <= 0x10FFFF && cp is < 0xD800 or > 0xDFFF && cp is not (0xFFFE or 0xFFFF)))
        {
            if (cp is >= 0x80 and <= 0x9F)
            {
                // Windows-1252 code points written as character references (&#150;) mean the cp1252 character.
                var mapped = Cp1252.Map(cp);
                into.Append(mapped);
                return;
            }

            into.Append(char.ConvertFromUtf32(cp));
        }
        else
        {
            problems.Add($"invalid character reference &#{cp};");
        }
    }

    public static void AppendChar(StringBuilder into, char c, ProblemLog problems)
    {
        if (c < 0x20 && c is not ('\t' or '\n' or '\r'))
        {
            problems.Add("control character in text");
            return;
        }

        into.Append(c);
    }
}
